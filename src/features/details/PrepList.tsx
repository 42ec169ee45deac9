import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PrepList as Prep } from "../../../contracts/meetings";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { useDates } from "../panel/dates/useDates";
import { RaidLine, liveRaidRow, useRaidItem } from "../panel/capture/RaidLine";
import { useOptionalCaptureContext } from "../panel/capture/captureContext";

const owner = (name: string | null) => (name ? ` · ${name}` : " · no owner");

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL, minWidth: 0 },
  subheading: { marginTop: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, minWidth: 0, overflowWrap: "anywhere" },
});

/** One RAID item without a due date: editable in place (re-date, re-assign, close) when the live capture has it. */
function PrepRaidRow({ r }: { r: Prep["raidWithoutDueDate"][number] }) {
  const live = useRaidItem(r.id);
  return (
    <li>
      {live ? (
        <RaidLine item={live} title={r.title} />
      ) : (
        <Text size={200}>
          {r.title}
          {owner(r.ownerName)}
        </Text>
      )}
    </li>
  );
}

/** What to sort out before the call: RAID items without due dates (decisions have none), late tasks, last call's unsent recap. */
export function PrepList({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const dates = useDates();
  const [prep, reload] = useApi<Prep>(`/meetings/${meetingId}/prep`);
  const view = useOptionalCaptureContext()?.snap.view;
  if (prep.state === "loading") return <Loading label="Checking what to prepare…" />;
  if (prep.state === "error") return <ErrorState title={prep.explained.title} message={prep.message} onRetry={reload} />;
  const p = prep.data;
  // The count follows live edits as the rows do: a row re-dated or closed in the call no longer lacks a date.
  const stillUndated = p.raidWithoutDueDate.filter((r) => {
    const live = liveRaidRow(view, r.id);
    return !live || (live.status === "open" && live.dueDate === null);
  }).length;
  return (
    <section aria-labelledby="prep-heading" className={styles.section}>
      <Text as="h2" id="prep-heading" weight="semibold" size={400} block>
        Before the call
      </Text>
      <Text as="h3" weight="semibold" size={300} block className={styles.subheading}>
        Recap of the previous call
      </Text>
      {p.unsentRecap ? (
        <Text block data-testid="unsent-recap">
          Not sent yet: {p.unsentRecap.subject} ({dates.dayOf(p.unsentRecap.startsAt)}). Send it before this call.
        </Text>
      ) : (
        <Empty>The previous call's recap has been sent.</Empty>
      )}
      <Text as="h3" weight="semibold" size={300} block className={styles.subheading}>
        RAID items without a due date ({stillUndated})
      </Text>
      {p.raidWithoutDueDate.length ? (
        <ul aria-label="RAID items without a due date" className={styles.list}>
          {p.raidWithoutDueDate.map((r) => (
            <PrepRaidRow key={r.id} r={r} />
          ))}
        </ul>
      ) : (
        <Empty>Every open RAID item has a due date.</Empty>
      )}
      <Text as="h3" weight="semibold" size={300} block className={styles.subheading}>
        Late tasks ({p.lateTasks.length})
      </Text>
      {p.lateTasks.length ? (
        <ul aria-label="Late tasks" className={styles.list}>
          {p.lateTasks.map((t) => (
            <li key={t.id}>
              <Text size={200}>
                {t.name} · due {dates.day(t.dueDate)}
                {owner(t.ownerName)}
              </Text>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>No task is late.</Empty>
      )}
    </section>
  );
}
