import { lazy, Suspense, useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { api } from "../../api/client";
import { isStageSharingSupported, shareToStage } from "../../host/host";
import type { StageTicketDto } from "../../../contracts/stage";
import { stageUrl } from "./stageLink";
import { explainStageShareError, type StageShareProblem } from "./stageErrors";

const useStyles = makeStyles({
  root: { display: "grid", justifyItems: "start", gap: tokens.spacingVerticalS, marginBlock: tokens.spacingVerticalS },
});

// The outcome's MessageBar is a chunk of its own, asked for when the button is pressed (while the
// ticket and the host's calls are under way), not with the panel.
const loadStatus = () => import("./StageShareStatus");
const StageShareStatus = lazy(() => loadStatus().then((m) => ({ default: m.StageShareStatus })));

type ShareState = { kind: "idle" } | { kind: "sharing" } | { kind: "shared" } | { kind: "failed"; problem: StageShareProblem };

/**
 * "Share to stage" in the Teams side panel: issues a stage ticket, then asks Teams to show the
 * customer-safe stage view (`/stage/:id#ticket=…`, see stageLink.ts) to everyone in the meeting.
 * Rendered only where the host can share (side panel inside Teams); failures read as PM sentences.
 */
export function ShareToStage({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const [state, setState] = useState<ShareState>({ kind: "idle" });
  if (!isStageSharingSupported()) return null;
  const share = async () => {
    setState({ kind: "sharing" });
    void loadStatus().catch(() => undefined);
    try {
      const issued = await api<StageTicketDto>(`/meetings/${meetingId}/stage-ticket`, { method: "POST", json: {} });
      await shareToStage(stageUrl(window.location.origin, meetingId, issued.ticket));
      setState({ kind: "shared" });
    } catch (err) {
      setState({ kind: "failed", problem: explainStageShareError(err) });
    }
  };
  return (
    <div className={styles.root}>
      <Button appearance="secondary" size="small" onClick={() => void share()} disabled={state.kind === "sharing"}>
        {state.kind === "sharing" ? "Sharing…" : "Share to stage"}
      </Button>
      {state.kind === "shared" || state.kind === "failed" ? (
        <Suspense fallback={null}>
          <StageShareStatus outcome={state} />
        </Suspense>
      ) : null}
    </div>
  );
}
