import { Badge, Text } from "@fluentui/react-components";
import type { Agenda, AgendaFlag, AgendaItem } from "../../../contracts/agenda";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";

const flagText: Record<AgendaFlag, { label: string; color: "danger" | "warning" | "success" | "informative" | "important" }> = {
  no_due_date: { label: "No due date", color: "warning" },
  past_due: { label: "Past due", color: "danger" },
  critical: { label: "Critical", color: "danger" },
  high: { label: "High", color: "warning" },
  achieved: { label: "Achieved", color: "success" },
  upcoming: { label: "Upcoming", color: "informative" },
  unanswered: { label: "Unanswered", color: "warning" },
  out_of_office: { label: "Out of office", color: "important" },
  blocked: { label: "Blocked", color: "danger" },
};

/** Rendered with key={callType} by its parent: a changed call type remounts it and fetches the matching agenda. */
export function AgendaView({ meetingId }: { meetingId: string }) {
  const [agenda, reload] = useApi<Agenda>(`/meetings/${meetingId}/agenda`);
  if (agenda.state === "loading") return <Loading label="Building the agenda…" />;
  if (agenda.state === "error") return <ErrorState title={agenda.explained.title} message={agenda.message} onRetry={reload} />;
  const a = agenda.data;
  return (
    <section aria-label="Agenda">
      <Text as="h2" weight="semibold" size={400} block style={{ margin: "8px 0" }}>
        Agenda · {a.label} · {a.totalMinutes} min
      </Text>
      <ol style={{ paddingLeft: 20, margin: 0, display: "grid", gap: 10 }}>
        {a.items.map((item) => (
          <li key={item.key} data-agenda-item={item.key}>
            <div style={{ display: "flex", justifyContent: "space-between", gap: 8 }}>
              <Text weight="semibold">{item.title}</Text>
              <Text size={200} aria-label={`${item.minutes} minutes`}>
                {item.minutes}′
              </Text>
            </div>
            <AgendaItemBody item={item} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** An agenda item's summary and lines (or its empty text): shared by the preview and the live agenda. */
export function AgendaItemBody({ item }: { item: AgendaItem }) {
  return (
    <>
      {item.summary ? <Text size={200} block>{item.summary}</Text> : null}
      {item.lines.length === 0 && item.empty ? <Empty>{item.empty}</Empty> : null}
      {item.lines.length > 0 ? (
        <ul style={{ paddingLeft: 16, margin: "4px 0 0" }}>
          {item.lines.map((line, i) => (
            <li key={line.ref?.id ?? i}>
              <Text size={200}>{line.text}</Text>
              {line.detail ? <Text size={100} block>{line.detail}</Text> : null}
              {line.flags.map((f) => (
                <Badge key={f} size="small" appearance="tint" color={flagText[f].color} style={{ marginLeft: 4 }}>
                  {flagText[f].label}
                </Badge>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
