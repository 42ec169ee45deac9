import { useState } from "react";
import { Button, Input, Text, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, mergeClasses } from "@fluentui/react-components";
import type { MilestoneDto } from "../../../contracts/workspace";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { useDates } from "../panel/dates/useDates";
import { useTableStyles } from "./tableStyles";
import { ScrollingTable } from "./ScrollingTable";
import { useLayoutStyles } from "../../ui/layoutStyles";
import { Problem, Section } from "./Section";
import { projectApi, useRun } from "./workspaceApi";

/** Milestones with their deliverable; sign-off records who and when. */
export function MilestonesSection({ projectId }: { projectId: string }) {
  const dates = useDates();
  const [list, reload] = useApi<{ items: MilestoneDto[] }>(`/projects/${projectId}/milestones`);
  const [draft, setDraft] = useState({ name: "", deliverable: "", plannedDate: "" });
  const { run, problem, errors } = useRun(reload);
  const api = projectApi(projectId);
  const t = useTableStyles();
  const layout = useLayoutStyles();
  return (
    <Section id="milestones" title="Milestones">
      {list.state === "loading" ? <Loading label="Loading milestones…" /> : null}
      {list.state === "error" ? <ErrorState title={list.explained.title} message={list.message} onRetry={reload} /> : null}
      {list.state === "ready" && list.data.items.length === 0 ? <Empty>No milestones yet.</Empty> : null}
      {list.state === "ready" && list.data.items.length ? (
        <ScrollingTable label="Milestones">
          <Table size="small" className={mergeClasses(t.table, t.wide)} aria-label="Milestones">
            <TableHeader>
              <TableRow>{["Milestone", "Planned", "Achieved", "Sign-off", ""].map((h) => <TableHeaderCell key={h} className={t.head}>{h}</TableHeaderCell>)}</TableRow>
            </TableHeader>
            <TableBody>
              {list.data.items.map((m) => (
                <TableRow key={m.id}>
                  <TableCell className={t.cell}>
                    <Text weight="semibold">{m.name}</Text>
                    <Text size={200} block>{m.deliverable}</Text>
                  </TableCell>
                  <TableCell className={t.cell}>{m.plannedDate ? dates.day(m.plannedDate) : "—"}</TableCell>
                  <TableCell className={t.cell}>{m.achievedDate ? dates.day(m.achievedDate) : "—"}</TableCell>
                  <TableCell className={t.cell}>
                    {m.signedOffBy ? (
                      `${m.signedOffBy}${m.signedOffAt ? `, ${dates.dayOf(m.signedOffAt)}` : ""}`
                    ) : (
                      <Button size="small" onClick={() => void run(() => api.send("POST", `/milestones/${m.id}/sign-off`, { version: m.version }))}>
                        Record sign-off
                      </Button>
                    )}
                  </TableCell>
                  <TableCell className={t.cell}>
                    <Button size="small" appearance="subtle" onClick={() => void run(() => api.send("DELETE", `/milestones/${m.id}?version=${m.version}`))}>
                      Delete
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollingTable>
      ) : null}
      <form
        aria-label="Add a milestone"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () => api.send("POST", "/milestones", { name: draft.name, deliverable: draft.deliverable, plannedDate: draft.plannedDate || null }),
            () => setDraft({ name: "", deliverable: "", plannedDate: "" }),
          );
        }}
        className={layout.rowStart}
      >
        <Input aria-label="Milestone name" placeholder="Milestone" value={draft.name} onChange={(_, d) => setDraft({ ...draft, name: d.value })} />
        <Input aria-label="Deliverable" placeholder="Deliverable" value={draft.deliverable} onChange={(_, d) => setDraft({ ...draft, deliverable: d.value })} />
        <Input aria-label="Planned date" type="date" value={draft.plannedDate} onChange={(_, d) => setDraft({ ...draft, plannedDate: d.value })} />
        <Button type="submit">Add milestone</Button>
        {errors.name ? <Text role="alert">Name {errors.name}</Text> : null}
      </form>
      <Problem message={Object.keys(errors).length ? null : problem} />
    </Section>
  );
}
