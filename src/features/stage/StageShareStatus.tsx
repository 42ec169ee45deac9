import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { StageShareProblem } from "./stageErrors";

/**
 * What came of "Share to stage": on the stage for everyone, or why not (a PM sentence from
 * stageErrors.ts). Its own chunk with Fluent's MessageBar, loaded when the user presses the button
 * (ShareToStage), so the side panel's first paint does not carry it (issue 12).
 */
export function StageShareStatus({ outcome }: { outcome: { kind: "shared" } | { kind: "failed"; problem: StageShareProblem } }) {
  return outcome.kind === "shared" ? (
    <MessageBar intent="success" data-testid="stage-share-status">
      <MessageBarBody>On the stage for everyone: the customer-safe view, live.</MessageBarBody>
    </MessageBar>
  ) : (
    <MessageBar intent="error" data-testid="stage-share-status">
      <MessageBarBody>
        <MessageBarTitle>{outcome.problem.title}</MessageBarTitle>
        {outcome.problem.message}
      </MessageBarBody>
    </MessageBar>
  );
}
