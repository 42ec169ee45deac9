import { useState } from "react";
import { Button, Checkbox, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, mergeClasses } from "@fluentui/react-components";
import type { TaskDto } from "../../../contracts/workspace";
import { Empty, Loading } from "../../ui/states";
import { useDates } from "../panel/dates/useDates";
import { taskStatusLabel } from "./labels";
import { useTableStyles } from "./tableStyles";
import { ScrollingTable } from "./ScrollingTable";
import { useLayoutStyles } from "../../ui/layoutStyles";
import { Pager, PersonSelect, Problem, Section, type PersonOption } from "./Section";
import { projectApi, usePaged, useRun } from "./workspaceApi";

const statuses = Object.entries(taskStatusLabel) as [TaskDto["status"], string][];

/** The schedule, a page at a time (due date order, undated last), with status/owner/late filters. */
export function TasksSection({ projectId, people }: { projectId: string; people: PersonOption[] }) {
  const dates = useDates();
  const [status, setStatus] = useState("");
  const [owner, setOwner] = useState("");
  const [late, setLate] = useState(false);
  const query = new URLSearchParams({ limit: "25", ...(status ? { status } : {}), ...(owner ? { ownerId: owner } : {}), ...(late ? { late: "true" } : {}) });
  const list = usePaged<TaskDto>(`/projects/${projectId}/tasks?${query.toString()}`);
  const [draft, setDraft] = useState({ name: "", ownerId: "", startDate: "", dueDate: "" });
  const { run, problem, errors } = useRun(list.reload);
  const api = projectApi(projectId);
  const t = useTableStyles();
  const layout = useLayoutStyles();
  return (
    <Section id="schedule" title="Schedule">
      <div role="group" aria-label="Schedule filters" className={layout.row}>
        <Field label="Status">
          <Select value={status} onChange={(_e, d) => setStatus(d.value)}>
            <option value="">Any</option>
            {statuses.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </Select>
        </Field>
        <PersonSelect label="Owner" value={owner} people={people} onChange={setOwner} allowNone="Anyone" />
        <Checkbox label="Late only" checked={late} onChange={(_, d) => setLate(Boolean(d.checked))} />
      </div>
      {list.loading ? <Loading label="Loading the schedule…" /> : null}
      <Problem message={list.error} />
      {!list.loading && list.items.length === 0 ? <Empty>No tasks match.</Empty> : null}
      {list.items.length ? (
        <ScrollingTable label="Schedule">
          <Table size="small" className={mergeClasses(t.table, t.wide)} aria-label="Schedule">
            <TableHeader>
              <TableRow>{["Task", "Owner", "Start", "Due", "Status", ""].map((h) => <TableHeaderCell key={h} className={t.head}>{h}</TableHeaderCell>)}</TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((k) => (
                <TableRow key={k.id}>
                  <TableCell className={t.cell}>{k.externalRef ? <Text size={200}>{k.externalRef} · </Text> : null}{k.name}</TableCell>
                  <TableCell className={t.cell}>{k.ownerName ?? "—"}</TableCell>
                  <TableCell className={t.cell}>{k.startDate ? dates.day(k.startDate) : "—"}</TableCell>
                  <TableCell className={t.cell}>{k.dueDate ? dates.day(k.dueDate) : "No due date"}</TableCell>
                  <TableCell className={t.cell}>
                    <Select size="small" aria-label={`Status of ${k.name}`} value={k.status} onChange={(_e, d) => void run(() => api.send("PATCH", `/tasks/${k.id}`, { version: k.version, status: d.value }))}>
                      {statuses.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                    </Select>
                  </TableCell>
                  <TableCell className={t.cell}>
                    <Button size="small" appearance="subtle" onClick={() => void run(() => api.send("DELETE", `/tasks/${k.id}?version=${k.version}`))}>Delete</Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollingTable>
      ) : null}
      <Pager list={list} />
      <form
        aria-label="Add a task"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () => api.send("POST", "/tasks", { name: draft.name, ownerId: draft.ownerId || null, startDate: draft.startDate || null, dueDate: draft.dueDate || null }),
            () => setDraft({ name: "", ownerId: "", startDate: "", dueDate: "" }),
          );
        }}
        className={layout.row}
      >
        <Input aria-label="Task name" placeholder="New task" value={draft.name} onChange={(_, d) => setDraft({ ...draft, name: d.value })} />
        <PersonSelect label="Owner" value={draft.ownerId} people={people} onChange={(ownerId) => setDraft({ ...draft, ownerId })} />
        <Input aria-label="Start date" type="date" value={draft.startDate} onChange={(_, d) => setDraft({ ...draft, startDate: d.value })} />
        <Input aria-label="Due date" type="date" value={draft.dueDate} onChange={(_, d) => setDraft({ ...draft, dueDate: d.value })} />
        <Button type="submit">Add task</Button>
      </form>
      {Object.entries(errors).map(([f, m]) => <Text key={f} role="alert" block>{f}: {m}</Text>)}
      <Problem message={Object.keys(errors).length ? null : problem} />
    </Section>
  );
}
