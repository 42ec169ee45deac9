import { Text } from "@fluentui/react-components";
import type { PrepList as Prep } from "../../../contracts/meetings";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { formatDate, formatDay } from "../../ui/format";

const owner = (name: string | null) => (name ? ` · ${name}` : " · no owner");

/** What to sort out before the call: RAID items without due dates, late tasks, last call's unsent recap. */
export function PrepList({ meetingId }: { meetingId: string }) {
  const [prep, reload] = useApi<Prep>(`/meetings/${meetingId}/prep`);
  if (prep.state === "loading") return <Loading label="Checking what to prepare…" />;
  if (prep.state === "error") return <ErrorState title={prep.explained.title} message={prep.message} onRetry={reload} />;
  const p = prep.data;
  return (
    <section aria-labelledby="prep-heading" style={{ marginTop: 16 }}>
      <Text as="h2" id="prep-heading" weight="semibold" size={400} block>
        Before the call
      </Text>
      <Text as="h3" weight="semibold" size={300} block style={{ marginTop: 8 }}>
        Recap of the previous call
      </Text>
      {p.unsentRecap ? (
        <Text block data-testid="unsent-recap">
          Not sent yet: {p.unsentRecap.subject} ({formatDay(p.unsentRecap.startsAt)}). Send it before this call.
        </Text>
      ) : (
        <Empty>The previous call's recap has been sent.</Empty>
      )}
      <Text as="h3" weight="semibold" size={300} block style={{ marginTop: 8 }}>
        RAID items without a due date ({p.raidWithoutDueDate.length})
      </Text>
      {p.raidWithoutDueDate.length ? (
        <ul aria-label="RAID items without a due date" style={{ margin: 0, paddingLeft: 16 }}>
          {p.raidWithoutDueDate.map((r) => (
            <li key={r.id}>
              <Text size={200}>
                {r.title}
                {owner(r.ownerName)}
              </Text>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>Every open RAID item has a due date.</Empty>
      )}
      <Text as="h3" weight="semibold" size={300} block style={{ marginTop: 8 }}>
        Late tasks ({p.lateTasks.length})
      </Text>
      {p.lateTasks.length ? (
        <ul aria-label="Late tasks" style={{ margin: 0, paddingLeft: 16 }}>
          {p.lateTasks.map((t) => (
            <li key={t.id}>
              <Text size={200}>
                {t.name} · due {formatDate(t.dueDate)}
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
