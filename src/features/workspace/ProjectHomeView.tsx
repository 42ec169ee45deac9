import { Badge, Link, Text, Title2, makeStyles, mergeClasses } from "@fluentui/react-components";
import type { OverviewProject } from "../../../contracts/workspace";
import { useApi } from "../../ui/useApi";
import { useLayoutStyles } from "../../ui/layoutStyles";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { useDates } from "../panel/dates/useDates";
import { goLiveText, ragColor } from "./labels";
import { navigateTo } from "./workspaceApi";
import { SendQueue } from "../queue/SendQueue";

const useStyles = makeStyles({ heading: { justifyContent: "space-between", alignItems: "baseline" } });

/**
 * Personal-tab home: what the user owes (the send queue: late, due today, upcoming, across their
 * projects; the one list of owed messages), a link to their own actions, then their projects,
 * most urgent first.
 */
export default function ProjectHomeView() {
  const dates = useDates();
  const [overview, reload] = useApi<{ projects: OverviewProject[] }>("/projects/overview");
  const layout = useLayoutStyles();
  const styles = useStyles();
  return (
    <main className={mergeClasses(layout.page, layout.pageHome)}>
      <div className={mergeClasses(layout.rowCenter, styles.heading)}>
        <Title2 as="h1">What you owe</Title2>
        <Link
          href="/actions"
          onClick={(e) => {
            e.preventDefault();
            navigateTo("/actions");
          }}
        >
          My actions
        </Link>
      </div>
      <SendQueue />
      <Title2 as="h2">Your projects</Title2>
      {overview.state === "loading" ? <Loading label="Loading your projects…" /> : null}
      {overview.state === "error" ? <ErrorState title={overview.explained.title} message={overview.message} onRetry={reload} /> : null}
      {overview.state === "ready" && overview.data.projects.length === 0 ? (
        <Empty>You are not a member of any project yet. Ask the project's PM to add you.</Empty>
      ) : null}
      {overview.state === "ready" ? (
        <ul aria-label="Your projects" className={layout.plainList}>
          {overview.data.projects.map((p) => (
            <li key={p.id} className={layout.listItem}>
              <div className={layout.rowCenter}>
                <Link
                  href={`/projects/${p.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigateTo(`/projects/${p.id}`);
                  }}
                >
                  <Text weight="semibold">{p.name}</Text>
                </Link>
                <Badge appearance="filled" color={ragColor[p.rag]} aria-label={`RAG status ${p.rag}`}>
                  {p.rag.toUpperCase()}
                </Badge>
                <Text size={200} title={p.goLiveDate ? `Go-live ${dates.day(p.goLiveDate)}` : undefined}>
                  {goLiveText(p.daysToGoLive)}
                </Text>
              </div>
              <Text size={200} block>
                {p.nextCall ? `Next call: ${p.nextCall.subject}, ${dates.dayTimeZone(p.nextCall.startsAt)}` : "No call scheduled"}
              </Text>
              {p.rag !== "green" && p.pathToGreen ? (
                <Text size={200} block>
                  Path to green: {p.pathToGreen}
                </Text>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}
