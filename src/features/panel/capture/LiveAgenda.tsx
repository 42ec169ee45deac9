import { Badge, Button, Checkbox, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Agenda, AgendaItem } from "../../../../contracts/agenda";
import { useNow } from "../../../ui/useNow";
import { useAfterFirstPaint } from "../../../ui/firstPaint";
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
    // The height of its small "Next" button: the strip keeps its height while the capture loads.
    minHeight: "24px",
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
  // Which item is current is part of the capture: until it is loaded, the strip says so and offers no step.
  const loading = !snap.view;
  return (
    <div className={styles.strip} role="region" aria-label="Current agenda item" data-testid="current-strip" aria-busy={loading || undefined}>
      <Text size={200} weight="semibold" className={styles.stripTitle}>
        {loading ? (snap.load.state === "error" ? "The current item is not loaded" : "Loading the current item…") : item ? `Now: ${index + 1}. ${item.title}` : "No agenda item is current"}
        {used ? ` · ${describeTimeUsed(used)}` : ""}
      </Text>
      {used?.over ? (
        <Badge appearance="filled" color="danger">
          Over
        </Badge>
      ) : null}
      {next && !loading ? (
        <Button size="small" appearance="primary" aria-label={`${item ? "Next item" : "Start with"}: ${next.title}`} onClick={() => store.setAgenda({ agendaItemKey: next.key, current: true })}>
          {item ? "Next" : "Start"}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * How many agenda items the first commit holds: more than fill the first screen of a 320×800 panel
 * under its header and capture line (the demo's first two items reach 911 px); the rest come in the
 * commit after its paint (FirstPaintGate), appended below them.
 */
const FIRST_SCREEN_ITEMS = 3;

/**
 * The agenda during the call: the current item (set by anyone, seen by all), ticks, time boxes and
 * notes. Until the capture is loaded the items show what the agenda says, with their ticks and
 * buttons disabled (the capture knows what is ticked and current).
 */
export function LiveAgenda({ agenda, startsAt }: { agenda: Agenda; startsAt: string }) {
  const { store, snap } = useCaptureContext();
  const styles = useStyles();
  const now = useNow();
  const all = useAfterFirstPaint();
  const waiting = !snap.view;
  const state = snap.view?.agendaState ?? { currentAgendaItemKey: null, discussed: [] };
  const items = all ? agenda.items : agenda.items.slice(0, FIRST_SCREEN_ITEMS);
  return (
    <section aria-labelledby="agenda-heading">
      <Text as="h2" id="agenda-heading" weight="semibold" size={400} block className={styles.heading}>
        Agenda · {agenda.label} · {agenda.totalMinutes} min
      </Text>
      <ol className={styles.list}>
        {items.map((item, index) => {
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
                  disabled={waiting}
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
                  <Button size="small" appearance="subtle" disabled={waiting} aria-label={`Make current: ${item.title}`} onClick={() => store.setAgenda({ agendaItemKey: item.key, current: true })}>
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
