import { Badge, Link, Text, Title2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useLayoutStyles } from "../../ui/layoutStyles";
import type { MeetingSummary } from "../../../contracts/meetings";
import { navigate } from "../../ui/navigate";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { useDates } from "../panel/dates/useDates";

const useStyles = makeStyles({ list: { margin: `${tokens.spacingVerticalM} 0` } });

/** Browser-mode home: the signed-in user's upcoming calls; each opens in the side-panel view. */
export function MeetingList() {
  const dates = useDates();
  const [meetings, reload] = useApi<{ meetings: MeetingSummary[] }>("/meetings");
  const layout = useLayoutStyles();
  const styles = useStyles();
  return (
    <main className={mergeClasses(layout.page, layout.pageMedium)}>
      <Title2 as="h1">Upcoming calls</Title2>
      {meetings.state === "loading" ? <Loading label="Loading your calls…" /> : null}
      {meetings.state === "error" ? <ErrorState title={meetings.explained.title} message={meetings.message} onRetry={reload} /> : null}
      {meetings.state === "ready" && meetings.data.meetings.length === 0 ? (
        <Empty>No upcoming calls on your projects.</Empty>
      ) : null}
      {meetings.state === "ready" ? (
        <ul aria-label="Upcoming calls" className={mergeClasses(layout.plainList, styles.list)}>
          {meetings.data.meetings.map((m) => (
            <li key={m.id} className={layout.listItem}>
              <Text size={200} block>
                {dates.dayOf(m.startsAt)} · {dates.timeRangeZone(m.startsAt, m.endsAt)} · {m.projectName}
              </Text>
              <Link
                href={`/meetings/${m.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/meetings/${m.id}`);
                }}
              >
                <Text weight="semibold">{m.subject}</Text>
              </Link>{" "}
              <Badge appearance="tint" color={m.overridden ? "brand" : "informative"}>
                {m.callTypeLabel}
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}
