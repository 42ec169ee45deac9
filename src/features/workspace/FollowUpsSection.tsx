import { useState } from "react";
import type { Workspace } from "../../../contracts/workspace";
import { followUpKinds } from "../../../contracts/workspace";
import { Problem, Section } from "./Section";
import { problemOf, projectApi } from "./workspaceApi";
import { SendQueue } from "../queue/SendQueue";

const markable: readonly string[] = followUpKinds.filter((k) => k !== "recap");

/**
 * What the runbook owes as a send queue: each entry opens its draft; "Mark sent" records one
 * sent outside Callbook. Keyed on the project's version so a RAG change shows its notice at once.
 */
export function FollowUpsSection({ workspace, onChanged }: { workspace: Workspace; onChanged: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const markSent = async (kind: string) => {
    setProblem(null);
    try {
      await projectApi(workspace.project.id).send("POST", `/follow-ups/${kind}/sent`, {});
      onChanged();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  return (
    <Section id="follow-ups" title="Follow-ups owed">
      <SendQueue
        key={`queue-${workspace.project.version}-${JSON.stringify(workspace.lastSent)}`}
        projectId={workspace.project.id}
        onMarkSent={(kind) => (markable.includes(kind) ? () => void markSent(kind) : null)}
      />
      <Problem message={problem} />
    </Section>
  );
}
