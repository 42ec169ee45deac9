import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Agenda, AgendaFlag, AgendaItem, AgendaLine } from "../../../contracts/agenda";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { RaidLine, useRaidItem, useTallyText } from "./capture/RaidLine";

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

const useStyles = makeStyles({
  heading: { margin: `${tokens.spacingVerticalS} 0` },
  list: { paddingLeft: tokens.spacingHorizontalXL, margin: 0, display: "grid", gap: tokens.spacingVerticalM, minWidth: 0 },
  titleRow: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  lines: { paddingLeft: tokens.spacingHorizontalL, margin: `${tokens.spacingVerticalXS} 0 0`, minWidth: 0, overflowWrap: "anywhere" },
  line: { marginBottom: tokens.spacingVerticalXS },
  badge: { marginLeft: tokens.spacingHorizontalXS },
});

/** Rendered with key={callType} by its parent: a changed call type remounts it and fetches the matching agenda. */
export function AgendaView({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const [agenda, reload] = useApi<Agenda>(`/meetings/${meetingId}/agenda`);
  if (agenda.state === "loading") return <Loading label="Building the agenda…" />;
  if (agenda.state === "error") return <ErrorState title={agenda.explained.title} message={agenda.message} onRetry={reload} />;
  const a = agenda.data;
  return (
    <section aria-label="Agenda">
      <Text as="h2" weight="semibold" size={400} block className={styles.heading}>
        Agenda · {a.label} · {a.totalMinutes} min
      </Text>
      <ol className={styles.list}>
        {a.items.map((item) => (
          <li key={item.key} data-agenda-item={item.key}>
            <div className={styles.titleRow}>
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

/** One line: a RAID line the caller can edit is live and editable in place; any other line is as the server built it. */
function AgendaLineRow({ line }: { line: AgendaLine }) {
  const styles = useStyles();
  const raid = useRaidItem(line.ref?.kind === "raid" ? line.ref.id : undefined);
  if (raid) {
    return (
      <li className={styles.line}>
        <RaidLine item={raid} title={line.text} />
      </li>
    );
  }
  return (
    <li className={styles.line}>
      <Text size={200}>{line.text}</Text>
      {line.detail ? (
        <Text size={100} block>
          {line.detail}
        </Text>
      ) : null}
      {line.flags.map((f) => (
        <Badge key={f} size="small" appearance="tint" color={flagText[f].color} className={styles.badge}>
          {flagText[f].label}
        </Badge>
      ))}
    </li>
  );
}

/** An agenda item's summary and lines (or its empty text): shared by the preview and the live agenda. */
export function AgendaItemBody({ item }: { item: AgendaItem }) {
  const styles = useStyles();
  const summary = useTallyText(item.tally) ?? item.summary;
  return (
    <>
      {summary ? (
        <Text size={200} block data-testid="agenda-summary">
          {summary}
        </Text>
      ) : null}
      {item.lines.length === 0 && item.empty ? <Empty>{item.empty}</Empty> : null}
      {item.lines.length > 0 ? (
        <ul className={styles.lines}>
          {item.lines.map((line, i) => (
            <AgendaLineRow key={line.ref?.id ?? i} line={line} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
