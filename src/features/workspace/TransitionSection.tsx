import { useState } from "react";
import { Badge, Button, Input, Text, Table, TableBody, TableCell, TableHeaderCell, TableRow, mergeClasses } from "@fluentui/react-components";
import type { Workspace } from "../../../contracts/workspace";
import { integrationSummaryFields } from "../../../contracts/transition";
import { useDates } from "../panel/dates/useDates";
import { useTableStyles } from "./tableStyles";
import { ScrollingTable } from "./ScrollingTable";
import { Problem, Section } from "./Section";
import { fieldErrors, problemOf, projectApi } from "./workspaceApi";

/** TSM tier and meetings owed/held; the integration summary, each field filled or "N/A". */
export function TransitionSection({ workspace, onSaved }: { workspace: Workspace; onSaved: () => void }) {
  const dates = useDates();
  const { project, transition } = workspace;
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...project.integrationSummary }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const t = useTableStyles();
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
          Held: {m.subject}, {dates.dayOf(m.startsAt)}
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
      <ScrollingTable label="Integration summary">
        <Table size="small" className={t.table} aria-label="Integration summary">
          <TableBody>
            {integrationSummaryFields.map(({ key, label }) => {
              const v = values[key] ?? "";
              return (
                <TableRow key={key}>
                  <TableHeaderCell scope="row" className={mergeClasses(t.cell, t.head, t.labelColumn)}>
                    {v.trim() ? "✓ " : "○ "}
                    {label}
                  </TableHeaderCell>
                  <TableCell className={t.cell}>
                    <Input aria-label={label} value={v} onChange={(_, d) => setValues((x) => ({ ...x, [key]: d.value }))} className={t.wideInput} />
                    {errors[`integrationSummary.${key}`] ? <Text role="alert">{errors[`integrationSummary.${key}`]}</Text> : null}
                  </TableCell>
                  <TableCell className={mergeClasses(t.cell, t.actionColumn)}>
                    <Button size="small" appearance="subtle" onClick={() => setValues((x) => ({ ...x, [key]: "N/A" }))}>
                      N/A
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ScrollingTable>
      <div>
        <Button onClick={() => void save()} disabled={changed.length === 0}>
          Save integration summary
        </Button>
      </div>
      <Problem message={problem} />
    </Section>
  );
}
