import { lazy, Suspense } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { MeetingDetail } from "../../../contracts/meetings";
import type { HostContext } from "../../host/host";
import { useApi } from "../../ui/useApi";
import { ErrorState, Loading } from "../../ui/states";
import { MeetingPanel } from "./MeetingPanel";
import { DatesProvider, zoneOf } from "./dates/useDates";
import { byChatPath, teamsMeetingKey } from "../config/teamsMeetingKey";

// The details/chat tab view and the link step are chunks of their own: the side panel needs neither (issue 19).
const DetailsView = lazy(() => import("../details/DetailsView").then((m) => ({ default: m.DetailsView })));
const LinkMeetingStep = lazy(() => import("./LinkMeetingStep").then((m) => ({ default: m.LinkMeetingStep })));

const useStyles = makeStyles({ main: { padding: tokens.spacingHorizontalM } });

/**
 * The tab's content URL inside Teams: finds the Callbook meeting from the Teams chat, then shows the
 * side panel during the call, or the preparation view in the meeting's details and chat tabs.
 */
export function TeamsPanel({ host }: { host: HostContext }) {
  const styles = useStyles();
  const key = host.mode === "teams" ? teamsMeetingKey(host) : null;
  const [meeting, reload] = useApi<MeetingDetail>(key ? byChatPath(key) : null);
  if (!key) {
    return (
      <main className={styles.main}>
        <ErrorState message="Open Callbook from a Teams meeting: this page needs the meeting's chat." />
      </main>
    );
  }
  if (meeting.state === "loading") return <Loading label="Finding this meeting…" />;
  if (meeting.state === "error") {
    // Not linked yet is a setup step with the link action, not a failure.
    if (meeting.status === 404)
      return (
        <Suspense fallback={<Loading label="Finding this meeting…" />}>
          <LinkMeetingStep meetingKey={key} onLinked={reload} />
        </Suspense>
      );
    const message = meeting.message;
    return (
      <main className={styles.main}>
        <ErrorState message={message} onRetry={reload} />
      </main>
    );
  }
  return (
    <DatesProvider zone={zoneOf(host)}>
      {host.frameContext === "content" ? (
        <Suspense fallback={<Loading label="Loading the call…" />}>
          <DetailsView meeting={meeting.data} onChanged={reload} />
        </Suspense>
      ) : (
        <MeetingPanel meetingId={meeting.data.id} host={host} />
      )}
    </DatesProvider>
  );
}
