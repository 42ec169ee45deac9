import { lazy, Suspense, useState } from "react";
import { Link, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { prefetch } from "../../api/client";
import type { MeetingDetail } from "../../../contracts/meetings";
import { isStageSharingSupported, type HostContext } from "../../host/host";
import { navigate } from "../../ui/navigate";
import { useApi } from "../../ui/useApi";
import { ErrorState, Loading } from "../../ui/states";
import { FirstPaintGate, useAfterFirstPaint } from "../../ui/firstPaint";
import { useAfterFirstScreen } from "../../ui/firstScreen";
import { PanelHeader } from "./PanelHeader";
import { CallTypePicker } from "./CallTypePicker";
import { CapturePanel } from "./capture/CapturePanel";
import { RecapSection } from "../recap/RecapSection";

// "Share to stage" (with Fluent's MessageBar) exists only in a Teams side panel or stage that can
// share: a chunk of its own, never loaded in a browser tab (issue 12), and asked for only once the
// agenda is shown and the browser idle (issue 19: nothing else competes with the first screen).
const ShareToStage = lazy(() => import("../stage/ShareToStage").then((m) => ({ default: m.ShareToStage })));

const useStyles = makeStyles({
  back: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  panel: {
    width: "100%",
    maxWidth: "100vw",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  column: {
    width: "320px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
});

/** The call type and the recap sit under the agenda: rendered once the first screen is painted (see FirstPaintGate). */
function BelowTheAgenda({ meeting, onChanged }: { meeting: MeetingDetail; onChanged: () => void }) {
  if (!useAfterFirstPaint()) return null;
  return (
    <>
      <CallTypePicker meeting={meeting} onChanged={onChanged} />
      <RecapSection meetingId={meeting.id} />
    </>
  );
}

/**
 * The side panel: in Teams it fills the panel; in a browser it is shown as a 320 px column. Its first
 * commit is the first screen (header, capture line, the agenda's first items); the rest follows the
 * first paint (FirstPaintGate).
 */
export function MeetingPanel({ meetingId, host }: { meetingId: string; host: HostContext }) {
  return (
    <FirstPaintGate>
      <Panel meetingId={meetingId} host={host} />
    </FirstPaintGate>
  );
}

function Panel({ meetingId, host }: { meetingId: string; host: HostContext }) {
  const styles = useStyles();
  // The agenda and the capture don't wait for the meeting: all three are asked for at once.
  useState(() => {
    prefetch(`/meetings/${meetingId}/agenda`);
    prefetch(`/meetings/${meetingId}/capture`);
  });
  const [meeting, reloadMeeting] = useApi<MeetingDetail>(`/meetings/${meetingId}`);
  const column = host.mode === "browser";
  const extras = useAfterFirstScreen();
  return (
    <div>
      {column ? (
        <nav aria-label="Back" className={styles.back}>
          <Link
            href="/"
            onClick={(e) => {
              e.preventDefault();
              navigate("/");
            }}
          >
            ← All calls
          </Link>
        </nav>
      ) : null}
      <main aria-label="Callbook side panel" data-testid="side-panel" className={mergeClasses(styles.panel, column && styles.column)}>
        {meeting.state === "loading" ? <Loading label="Loading the call…" /> : null}
        {meeting.state === "error" ? (
          <ErrorState message={meeting.status === 404 ? "This call was not found, or it is not on one of your projects." : meeting.message} onRetry={reloadMeeting} />
        ) : null}
        {meeting.state === "ready" ? (
          <>
            <PanelHeader meeting={meeting.data} />
            {extras && isStageSharingSupported() ? (
              <Suspense fallback={null}>
                <ShareToStage meetingId={meeting.data.id} />
              </Suspense>
            ) : null}
            <CapturePanel meeting={meeting.data} />
            <BelowTheAgenda meeting={meeting.data} onChanged={reloadMeeting} />
          </>
        ) : null}
      </main>
    </div>
  );
}
