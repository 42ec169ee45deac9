import { useState } from "react";
import { Badge, Button, Checkbox, Input, Text, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Field, Select, mergeClasses } from "@fluentui/react-components";
import type { RaidDto } from "../../../contracts/workspace";
import { Empty, Loading } from "../../ui/states";
import { useDates } from "../panel/dates/useDates";
import { raidKindLabel } from "./labels";
import { useTableStyles } from "./tableStyles";
import { ScrollingTable } from "./ScrollingTable";
import { useLayoutStyles } from "../../ui/layoutStyles";
import { Pager, PersonSelect, Problem, Section, type PersonOption } from "./Section";
import { projectApi, usePaged, useRun } from "./workspaceApi";

const kinds = Object.entries(raidKindLabel) as [RaidDto["kind"], string][];

/** The RAID log, a page at a time, filtered by kind, owner, open/closed, late or without a due date. */
export function RaidSection({ projectId, people, today }: { projectId: string; people: PersonOption[]; today: string }) {
  const dates = useDates();
  const [filter, setFilter] = useState({ kind: "", ownerId: "", status: "open", late: false, noDueDate: false });
  const query = new URLSearchParams({ limit: "25" });
  for (const [k, v] of Object.entries(filter)) if (v) query.set(k, String(v));
  const list = usePaged<RaidDto>(`/projects/${projectId}/raid?${query.toString()}`);
  const [draft, setDraft] = useState({ kind: "action", title: "", ownerId: "", dueDate: "" });
  const { run, problem, errors } = useRun(list.reload);
  const api = projectApi(projectId);
  const t = useTableStyles();
  const layout = useLayoutStyles();
  const select = (label: string, key: "kind" | "status", options: [string, string][]) => (
    <Field label={label}>
      <Select value={filter[key]} onChange={(_e, d) => setFilter({ ...filter, [key]: d.value })}>
        <option value="">Any</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </Select>
    </Field>
  );
  return (
    <Section id="raid" title="RAID log">
      <div role="group" aria-label="RAID filters" className={layout.row}>
        {select("Kind", "kind", kinds)}
        {select("Status", "status", [["open", "Open"], ["closed", "Closed"]])}
        <PersonSelect label="Owner" value={filter.ownerId} people={people} onChange={(ownerId) => setFilter({ ...filter, ownerId })} allowNone="Anyone" />
        <Checkbox label="Late" checked={filter.late} onChange={(_, d) => setFilter({ ...filter, late: Boolean(d.checked), noDueDate: false })} />
        <Checkbox label="No due date" checked={filter.noDueDate} onChange={(_, d) => setFilter({ ...filter, noDueDate: Boolean(d.checked), late: false })} />
      </div>
      {list.loading ? <Loading label="Loading the RAID log…" /> : null}
      <Problem message={list.error} />
      {!list.loading && list.items.length === 0 ? <Empty>No RAID items match.</Empty> : null}
      {list.items.length ? (
        <ScrollingTable label="RAID log">
          <Table size="small" className={mergeClasses(t.table, t.wide)} aria-label="RAID log">
            <TableHeader>
              <TableRow>{["Kind", "Item", "Owner", "Due", "Status", ""].map((h) => <TableHeaderCell key={h} className={t.head}>{h}</TableHeaderCell>)}</TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className={t.cell}>{raidKindLabel[r.kind]}</TableCell>
                  <TableCell className={t.cell}>{r.title}{r.internalOnly ? <Badge appearance="outline" size="small"> internal</Badge> : null}</TableCell>
                  <TableCell className={t.cell}>{r.ownerName ?? "—"}</TableCell>
                  <TableCell className={t.cell}>
                    {/* A decision has no due date: it is never flagged for lacking one (issue 16). */}
                    {r.dueDate ? dates.day(r.dueDate) : r.kind === "decision" ? "—" : <Badge appearance="tint" color="warning">No due date</Badge>}
                    {r.dueDate && r.status === "open" && r.dueDate < today ? <Badge appearance="tint" color="danger"> Past due</Badge> : null}
                  </TableCell>
                  <TableCell className={t.cell}>
                    <Button size="small" onClick={() => void run(() => api.send("PATCH", `/raid/${r.id}`, { version: r.version, status: r.status === "open" ? "closed" : "open" }))}>
                      {r.status === "open" ? "Close" : "Reopen"}
                    </Button>
                  </TableCell>
                  <TableCell className={t.cell}>
                    <Button size="small" appearance="subtle" onClick={() => void run(() => api.send("DELETE", `/raid/${r.id}?version=${r.version}`))}>Delete</Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollingTable>
      ) : null}
      <Pager list={list} />
      <form
        aria-label="Add a RAID item"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () => api.send("POST", "/raid", { kind: draft.kind, title: draft.title, ownerId: draft.ownerId || null, dueDate: draft.dueDate || null }),
            () => setDraft({ kind: draft.kind, title: "", ownerId: "", dueDate: "" }),
          );
        }}
        className={layout.row}
      >
        <Select aria-label="Kind" value={draft.kind} onChange={(_e, d) => setDraft({ ...draft, kind: d.value })}>
          {kinds.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </Select>
        <Input aria-label="Title" placeholder="New RAID item" value={draft.title} onChange={(_, d) => setDraft({ ...draft, title: d.value })} />
        <PersonSelect label="Owner" value={draft.ownerId} people={people} onChange={(ownerId) => setDraft({ ...draft, ownerId })} />
        <Input aria-label="Due date" type="date" value={draft.dueDate} onChange={(_, d) => setDraft({ ...draft, dueDate: d.value })} />
        <Button type="submit">Add</Button>
      </form>
      {Object.entries(errors).map(([f, m]) => <Text key={f} role="alert" block>{f}: {m}</Text>)}
      <Problem message={Object.keys(errors).length ? null : problem} />
    </Section>
  );
}
