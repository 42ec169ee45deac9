import { useState } from "react";
import { Badge, Button, Text } from "@fluentui/react-components";
import type { Workspace } from "../../../contracts/workspace";
import { Empty } from "../../ui/states";
import { formatDay, formatTime } from "../../ui/format";
import { followUpStateColor } from "./labels";
import { Problem, Section } from "./Section";
import { problemOf, projectApi } from "./workspaceApi";

/** What the cadence says is owed; "Mark sent" records it so the tracker counts it. */
export function FollowUpsSection({ workspace, onChanged }: { workspace: Workspace; onChanged: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const owed = workspace.followUps;
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
      {owed.length === 0 ? <Empty>Nothing owed.</Empty> : null}
      <ul aria-label="Follow-ups" style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 6 }}>
        {owed.map((f) => (
          <li key={`${f.kind}-${f.meetingId ?? ""}`} data-follow-up={f.kind} style={{ display: "flex", gap: 8, alignItems: "baseline", flexWrap: "wrap" }}>
            <Badge appearance="tint" color={followUpStateColor[f.state]}>
              {f.state}
            </Badge>
            <Text>{f.title}</Text>
            <Text size={200}>
              by {formatDay(f.dueAt)} {formatTime(f.dueAt)}
            </Text>
            {f.kind !== "recap" && f.state !== "upcoming" ? (
              <Button size="small" onClick={() => void markSent(f.kind)}>
                Mark sent
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <Problem message={problem} />
    </Section>
  );
}
