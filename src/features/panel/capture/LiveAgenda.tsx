import { Badge, Button, Checkbox, Text } from "@fluentui/react-components";
import type { Agenda } from "../../../../contracts/agenda";
import { useApi } from "../../../ui/useApi";
import { useNow } from "../../../ui/useNow";
import { ErrorState, Loading } from "../../../ui/states";
import { AgendaItemBody } from "../AgendaView";
import { describeTimeUsed, timeBoxes, timeUsed } from "../timeBox";
import { useCaptureContext } from "./captureContext";
import { AgendaNotes } from "./AgendaNotes";

/** (Rendered with key={callType}: a changed call type remounts it.) The agenda during the call: the current item (set by anyone, seen by all), ticks, time boxes and notes. */
export function LiveAgenda({ meetingId, startsAt }: { meetingId: string; startsAt: string }) {
  const [agenda, reload] = useApi<Agenda>(`/meetings/${meetingId}/agenda`);
  const { store, snap } = useCaptureContext();
  const now = useNow();
  if (agenda.state === "loading") return <Loading label="Building the agenda…" />;
  if (agenda.state === "error") return <ErrorState title={agenda.explained.title} message={agenda.message} onRetry={reload} />;
  const a = agenda.data;
  const state = snap.view?.agendaState ?? { currentAgendaItemKey: null, discussed: [] };
  const boxes = timeBoxes(startsAt, a.items.map((i) => i.minutes));
  return (
    <section aria-labelledby="agenda-heading">
      <Text as="h2" id="agenda-heading" weight="semibold" size={400} block style={{ margin: "8px 0" }}>
        Agenda · {a.label} · {a.totalMinutes} min
      </Text>
      <ol style={{ paddingLeft: 0, margin: 0, listStyle: "none", display: "grid", gap: 8 }}>
        {a.items.map((item, index) => {
          const current = state.currentAgendaItemKey === item.key;
          const discussed = state.discussed.includes(item.key);
          const box = boxes[index];
          const used = current && box ? timeUsed(box, now) : null;
          return (
            <li
              key={item.key}
              data-agenda-item={item.key}
              aria-current={current ? "step" : undefined}
              style={{
                borderLeft: `4px solid ${current ? "var(--colorBrandStroke1)" : "transparent"}`,
                padding: "2px 4px 2px 6px",
                background: current ? "var(--colorNeutralBackground2)" : undefined,
              }}
            >
              <div style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: 4 }}>
                <Text as="h3" weight="semibold" size={300} style={{ margin: 0 }}>
                  {`${index + 1}. ${item.title}`}
                </Text>
                <Text size={200} aria-label={`${item.minutes} minutes`} style={{ whiteSpace: "nowrap" }}>
                  {item.minutes}′
                </Text>
              </div>
              <div style={{ display: "flex", gap: 6, alignItems: "center", flexWrap: "wrap" }}>
                <Checkbox
                  checked={discussed}
                  label="Discussed"
                  aria-label={`Discussed: ${item.title}`}
                  onChange={(_e, d) => store.setAgenda({ agendaItemKey: item.key, discussed: d.checked === true })}
                />
                {current ? (
                  <>
                    <Badge appearance="filled" color="brand">
                      Current
                    </Badge>
                    {used ? (
                      <Text size={200} data-testid="time-used" weight={used.over ? "semibold" : "regular"}>
                        {describeTimeUsed(used)}
                      </Text>
                    ) : null}
                    {used?.over ? (
                      <Badge appearance="filled" color="danger">
                        Over
                      </Badge>
                    ) : null}
                  </>
                ) : (
                  <Button size="small" appearance="subtle" aria-label={`Make current: ${item.title}`} onClick={() => store.setAgenda({ agendaItemKey: item.key, current: true })}>
                    Make current
                  </Button>
                )}
              </div>
              {/* Open at first (the prepared points are the agenda); anyone can fold an item away. */}
              <details open>
                <summary>
                  <Text size={200}>Prepared points</Text>
                </summary>
                <AgendaItemBody item={item} />
              </details>
              <AgendaNotes agendaKey={item.key} itemTitle={item.title} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
