import { useState } from "react";
import { Link, Text } from "@fluentui/react-components";
import { prefetch } from "../../api/client";
import type { MeetingDetail } from "../../../contracts/meetings";
import type { HostContext } from "../../host/host";
import { navigate } from "../../ui/navigate";
import { useApi } from "../../ui/useApi";
import { ErrorState, Loading } from "../../ui/states";
import { PanelHeader } from "./PanelHeader";
import { CallTypePicker } from "./CallTypePicker";
import { CapturePanel } from "./capture/CapturePanel";
import { RecapSection } from "../recap/RecapSection";

/** The side panel: in Teams it fills the panel; in a browser it is shown as a 320 px column. */
export function MeetingPanel({ meetingId, host }: { meetingId: string; host: HostContext }) {
  // The agenda and the capture don't wait for the meeting: all three are asked for at once.
  useState(() => {
    prefetch(`/meetings/${meetingId}/agenda`);
    prefetch(`/meetings/${meetingId}/capture`);
  });
  const [meeting, reloadMeeting] = useApi<MeetingDetail>(`/meetings/${meetingId}`);
  const column = host.mode === "browser";
  return (
    <div>
      {column ? (
        <nav aria-label="Back" style={{ padding: "8px 12px" }}>
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
      <main
        aria-label="Callbook side panel"
        data-testid="side-panel"
        style={{
          width: column ? 320 : "100%",
          maxWidth: "100vw",
          boxSizing: "border-box",
          padding: 12,
          border: column ? "1px solid var(--colorNeutralStroke1)" : undefined,
          borderRadius: column ? 8 : undefined,
          background: "var(--colorNeutralBackground1)",
        }}
      >
        {meeting.state === "loading" ? <Loading label="Loading the call…" /> : null}
        {meeting.state === "error" ? (
          <ErrorState message={meeting.status === 404 ? "This call was not found, or it is not on one of your projects." : meeting.message} onRetry={reloadMeeting} />
        ) : null}
        {meeting.state === "ready" ? (
          <>
            <PanelHeader meeting={meeting.data} />
            <CallTypePicker meeting={meeting.data} onChanged={reloadMeeting} />
            <CapturePanel meeting={meeting.data} />
            <RecapSection meetingId={meeting.data.id} />
          </>
        ) : null}
        {meeting.state !== "ready" ? <Text size={100}> </Text> : null}
      </main>
    </div>
  );
}
