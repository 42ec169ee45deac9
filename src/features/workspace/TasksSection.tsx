import { useState } from "react";
import { Button, Checkbox, Input, Text } from "@fluentui/react-components";
import type { TaskDto } from "../../../contracts/workspace";
import { Empty, Loading } from "../../ui/states";
import { formatDate } from "../../ui/format";
import { cellStyle, tableStyle, taskStatusLabel } from "./labels";
import { Pager, PersonSelect, Problem, Section, type PersonOption } from "./Section";
import { projectApi, usePaged, useRun } from "./workspaceApi";

const statuses = Object.entries(taskStatusLabel) as [TaskDto["status"], string][];

/** The schedule, a page at a time (due date order, undated last), with status/owner/late filters. */
export function TasksSection({ projectId, people }: { projectId: string; people: PersonOption[] }) {
  const [status, setStatus] = useState("");
  const [owner, setOwner] = useState("");
  const [late, setLate] = useState(false);
  const query = new URLSearchParams({ limit: "25", ...(status ? { status } : {}), ...(owner ? { ownerId: owner } : {}), ...(late ? { late: "true" } : {}) });
  const list = usePaged<TaskDto>(`/projects/${projectId}/tasks?${query.toString()}`);
  const [draft, setDraft] = useState({ name: "", ownerId: "", startDate: "", dueDate: "" });
  const { run, problem, errors } = useRun(list.reload);
  const api = projectApi(projectId);
  return (
    <Section id="schedule" title="Schedule">
      <div role="group" aria-label="Schedule filters" style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "end" }}>
        <label style={{ display: "grid", fontSize: 12 }}>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)} style={{ minHeight: 30 }}>
            <option value="">Any</option>
            {statuses.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </label>
        <PersonSelect label="Owner" value={owner} people={people} onChange={setOwner} allowNone="Anyone" />
        <Checkbox label="Late only" checked={late} onChange={(_, d) => setLate(Boolean(d.checked))} />
      </div>
      {list.loading ? <Loading label="Loading the schedule…" /> : null}
      <Problem message={list.error} />
      {!list.loading && list.items.length === 0 ? <Empty>No tasks match.</Empty> : null}
      {list.items.length ? (
        <table style={tableStyle} aria-label="Schedule">
          <thead>
            <tr>{["Task", "Owner", "Start", "Due", "Status", ""].map((h) => <th key={h} style={cellStyle}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {list.items.map((k) => (
              <tr key={k.id}>
                <td style={cellStyle}>{k.externalRef ? <Text size={200}>{k.externalRef} · </Text> : null}{k.name}</td>
                <td style={cellStyle}>{k.ownerName ?? "—"}</td>
                <td style={cellStyle}>{k.startDate ? formatDate(k.startDate) : "—"}</td>
                <td style={cellStyle}>{k.dueDate ? formatDate(k.dueDate) : "No due date"}</td>
                <td style={cellStyle}>
                  <select aria-label={`Status of ${k.name}`} value={k.status} onChange={(e) => void run(() => api.send("PATCH", `/tasks/${k.id}`, { version: k.version, status: e.target.value }))}>
                    {statuses.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                  </select>
                </td>
                <td style={cellStyle}>
                  <Button size="small" appearance="subtle" onClick={() => void run(() => api.send("DELETE", `/tasks/${k.id}?version=${k.version}`))}>Delete</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
        style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "end" }}
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
