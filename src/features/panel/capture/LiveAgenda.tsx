import { Badge, Button, Checkbox, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Agenda, AgendaItem } from "../../../../contracts/agenda";
import { useNow } from "../../../ui/useNow";
import { AgendaItemBody } from "../AgendaView";
import { describeTimeUsed, timeBoxes, timeUsed, type TimeUsed } from "../timeBox";
import { useCaptureContext } from "./captureContext";
import { AgendaNotes } from "./AgendaNotes";

const useStyles = makeStyles({
  heading: { margin: `${tokens.spacingVerticalS} 0` },
  list: { paddingLeft: 0, margin: 0, listStyleType: "none", display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  item: {
    borderLeft: `${tokens.strokeWidthThickest} solid transparent`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  current: { borderLeftColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorNeutralBackground2 },
  titleRow: { display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: tokens.spacingHorizontalXS },
  title: { margin: 0 },
  nowrap: { whiteSpace: "nowrap" },
  controls: { display: "flex", gap: tokens.spacingHorizontalSNudge, alignItems: "center", flexWrap: "wrap" },
  strip: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    flexWrap: "wrap",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  stripTitle: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
});

/**
 * The current item's time used: counted from when it was made current (stored on the meeting and
 * shared live, so every participant sees the same timer); from its scheduled slot only for a
 * current item recorded before that time was kept.
 */
function currentTimeUsed(agenda: Agenda, startsAt: string, key: string | null, startedAt: string | null | undefined, now: number): TimeUsed | null {
  const index = agenda.items.findIndex((i) => i.key === key);
  const item = agenda.items[index];
  if (!item) return null;
  if (startedAt) return timeUsed({ startMs: Date.parse(startedAt), minutes: item.minutes }, now);
  const box = timeBoxes(startsAt, agenda.items.map((i) => i.minutes))[index];
  return box ? timeUsed(box, now) : null;
}

/** The pinned strip: which agenda item is being discussed, its time box, and a step to the next one. */
export function CurrentItemStrip({ agenda, startsAt }: { agenda: Agenda; startsAt: string }) {
  const { store, snap } = useCaptureContext();
  const styles = useStyles();
  const now = useNow();
  const key = snap.view?.agendaState.currentAgendaItemKey ?? null;
  const index = agenda.items.findIndex((i) => i.key === key);
  const item: AgendaItem | undefined = agenda.items[index];
  const next = agenda.items[index + 1] ?? (index < 0 ? agenda.items[0] : undefined);
  const used = item ? currentTimeUsed(agenda, startsAt, key, snap.view?.agendaState.currentStartedAt, now) : null;
  return (
    <div className={styles.strip} role="region" aria-label="Current agenda item" data-testid="current-strip">
      <Text size={200} weight="semibold" className={styles.stripTitle}>
        {item ? `Now: ${index + 1}. ${item.title}` : "No agenda item is current"}
        {used ? ` · ${describeTimeUsed(used)}` : ""}
      </Text>
      {used?.over ? (
        <Badge appearance="filled" color="danger">
          Over
        </Badge>
      ) : null}
      {next ? (
        <Button size="small" appearance="primary" aria-label={`${item ? "Next item" : "Start with"}: ${next.title}`} onClick={() => store.setAgenda({ agendaItemKey: next.key, current: true })}>
          {item ? "Next" : "Start"}
        </Button>
      ) : null}
    </div>
  );
}

/** The agenda during the call: the current item (set by anyone, seen by all), ticks, time boxes and notes. */
export function LiveAgenda({ agenda, startsAt }: { agenda: Agenda; startsAt: string }) {
  const { store, snap } = useCaptureContext();
  const styles = useStyles();
  const now = useNow();
  const state = snap.view?.agendaState ?? { currentAgendaItemKey: null, discussed: [] };
  return (
    <section aria-labelledby="agenda-heading">
      <Text as="h2" id="agenda-heading" weight="semibold" size={400} block className={styles.heading}>
        Agenda · {agenda.label} · {agenda.totalMinutes} min
      </Text>
      <ol className={styles.list}>
        {agenda.items.map((item, index) => {
          const current = state.currentAgendaItemKey === item.key;
          const discussed = state.discussed.includes(item.key);
          const used = current ? currentTimeUsed(agenda, startsAt, item.key, state.currentStartedAt, now) : null;
          return (
            <li key={item.key} data-agenda-item={item.key} aria-current={current ? "step" : undefined} className={mergeClasses(styles.item, current && styles.current)}>
              <div className={styles.titleRow}>
                <Text as="h3" weight="semibold" size={300} className={styles.title}>
                  {`${index + 1}. ${item.title}`}
                </Text>
                <Text size={200} aria-label={`${item.minutes} minutes`} className={styles.nowrap}>
                  {item.minutes}′
                </Text>
              </div>
              <div className={styles.controls}>
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
              <AgendaItemBody item={item} />
              <AgendaNotes agendaKey={item.key} itemTitle={item.title} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
