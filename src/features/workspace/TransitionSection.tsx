import { useState } from "react";
import { Badge, Button, Input, Text } from "@fluentui/react-components";
import type { Workspace } from "../../../contracts/workspace";
import { integrationSummaryFields } from "../../../contracts/transition";
import { formatDay } from "../../ui/format";
import { cellStyle, tableStyle } from "./labels";
import { Problem, Section } from "./Section";
import { fieldErrors, problemOf, projectApi } from "./workspaceApi";

/** TSM tier and meetings owed/held; the integration summary, each field filled or "N/A". */
export function TransitionSection({ workspace, onSaved }: { workspace: Workspace; onSaved: () => void }) {
  const { project, transition } = workspace;
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...project.integrationSummary }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const changed = integrationSummaryFields.filter(({ key }) => (values[key] ?? "") !== (project.integrationSummary[key] ?? ""));

  const save = async () => {
    setErrors({});
    setProblem(null);
    try {
      const integrationSummary = Object.fromEntries(changed.map(({ key }) => [key, values[key] ?? ""]));
      await projectApi(project.id).send("PATCH", "", { version: project.version, integrationSummary });
      onSaved();
    } catch (e) {
      setErrors(fieldErrors(e));
      setProblem(problemOf(e));
    }
  };

  return (
    <Section id="transition" title="Transition to Client Services">
      <Text block>
        {transition.tier.support} · TSM meetings before go-live: {transition.tsmMeetingsHeld.length} held of {transition.tsmMeetingsOwed} owed
        {transition.tsmMeetingsStillOwed ? ` (${transition.tsmMeetingsStillOwed} still to hold)` : ""}
      </Text>
      {transition.tsmMeetingsHeld.map((m) => (
        <Text size={200} block key={m.meetingId}>
          Held: {m.subject}, {formatDay(m.startsAt)}
        </Text>
      ))}
      {transition.warnings.map((w) => (
        <Text key={w} role="note" block weight="semibold">
          {w}
        </Text>
      ))}
      <Text block>
        Integration summary: {transition.integrationSummary.filled} of {transition.integrationSummary.total} filled{" "}
        <Badge appearance="tint" color={transition.integrationSummary.complete ? "success" : "warning"}>
          {transition.integrationSummary.complete ? "complete" : "incomplete"}
        </Badge>
      </Text>
      <table style={tableStyle} aria-label="Integration summary">
        <tbody>
          {integrationSummaryFields.map(({ key, label }) => {
            const v = values[key] ?? "";
            return (
              <tr key={key}>
                <th scope="row" style={{ ...cellStyle, width: "30%" }}>
                  {v.trim() ? "✓ " : "○ "}
                  {label}
                </th>
                <td style={cellStyle}>
                  <Input aria-label={label} value={v} onChange={(_, d) => setValues((x) => ({ ...x, [key]: d.value }))} style={{ width: "100%" }} />
                  {errors[`integrationSummary.${key}`] ? <Text role="alert">{errors[`integrationSummary.${key}`]}</Text> : null}
                </td>
                <td style={{ ...cellStyle, width: 60 }}>
                  <Button size="small" appearance="subtle" onClick={() => setValues((x) => ({ ...x, [key]: "N/A" }))}>
                    N/A
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div>
        <Button onClick={() => void save()} disabled={changed.length === 0}>
          Save integration summary
        </Button>
      </div>
      <Problem message={problem} />
    </Section>
  );
}
