import { useState } from "react";
import { Badge, Button, Checkbox, Input, Text, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Select, mergeClasses } from "@fluentui/react-components";
import type { CaseDto, ChangeRequestDto } from "../../../contracts/workspace";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { useDates } from "../panel/dates/useDates";
import { useTableStyles } from "./tableStyles";
import { ScrollingTable } from "./ScrollingTable";
import { useLayoutStyles } from "../../ui/layoutStyles";
import { PersonSelect, Problem, Section, type PersonOption } from "./Section";
import { projectApi, useRun } from "./workspaceApi";

/** Change requests: hours, customer confirmation, and the decision (recorded with who and when). */
export function ChangeRequestsSection({ projectId }: { projectId: string }) {
  const dates = useDates();
  const [list, reload] = useApi<{ items: ChangeRequestDto[] }>(`/projects/${projectId}/change-requests`);
  const { run, problem } = useRun(reload);
  const [draft, setDraft] = useState({ description: "", hours: "", confirmed: false });
  const api = projectApi(projectId);
  const t = useTableStyles();
  const layout = useLayoutStyles();
  return (
    <Section id="change-requests" title="Change requests">
      {list.state === "loading" ? <Loading label="Loading change requests…" /> : null}
      {list.state === "error" ? <ErrorState title={list.explained.title} message={list.message} onRetry={reload} /> : null}
      {list.state === "ready" && list.data.items.length === 0 ? <Empty>No change requests.</Empty> : null}
      {list.state === "ready" && list.data.items.length ? (
        <ScrollingTable label="Change requests">
          <Table size="small" className={mergeClasses(t.table, t.wide)} aria-label="Change requests">
            <TableHeader><TableRow>{["Change", "Hours", "Customer confirmed", "Decision"].map((h) => <TableHeaderCell key={h} className={t.head}>{h}</TableHeaderCell>)}</TableRow></TableHeader>
            <TableBody>
              {list.data.items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell className={t.cell}>{c.description}</TableCell>
                  <TableCell className={t.cell}>{c.estimateHours ?? "—"}</TableCell>
                  <TableCell className={t.cell}>
                    <Checkbox aria-label="Customer confirmed" checked={c.customerConfirmed} onChange={(_, d) => void run(() => api.send("PATCH", `/change-requests/${c.id}`, { version: c.version, customerConfirmed: Boolean(d.checked) }))} />
                  </TableCell>
                  <TableCell className={t.cell}>
                    {c.decision === "pending" ? (
                      <>
                        <Button size="small" onClick={() => void run(() => api.send("POST", `/change-requests/${c.id}/decision`, { version: c.version, decision: "approved" }))}>Approve</Button>{" "}
                        <Button size="small" onClick={() => void run(() => api.send("POST", `/change-requests/${c.id}/decision`, { version: c.version, decision: "declined" }))}>Decline</Button>
                      </>
                    ) : (
                      <Text>
                        <Badge appearance="tint" color={c.decision === "approved" ? "success" : "danger"}>{c.decision}</Badge> by {c.decidedBy}
                        {c.decidedAt ? `, ${dates.dayOf(c.decidedAt)}` : ""}
                      </Text>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollingTable>
      ) : null}
      <form
        aria-label="Add a change request"
        onSubmit={(e) => {
          e.preventDefault();
          const hours = draft.hours.trim() === "" ? null : Number(draft.hours);
          void run(() => api.send("POST", "/change-requests", { description: draft.description, estimateHours: hours, customerConfirmed: draft.confirmed }), () => setDraft({ description: "", hours: "", confirmed: false }));
        }}
        className={layout.rowCenter}
      >
        <Input aria-label="Change description" placeholder="Change requested" value={draft.description} onChange={(_, d) => setDraft({ ...draft, description: d.value })} />
        <Input aria-label="Estimate (hours)" placeholder="Hours" inputMode="decimal" value={draft.hours} onChange={(_, d) => setDraft({ ...draft, hours: d.value })} className={t.hours} />
        <Checkbox label="Customer confirmed" checked={draft.confirmed} onChange={(_, d) => setDraft({ ...draft, confirmed: Boolean(d.checked) })} />
        <Button type="submit">Add change request</Button>
      </form>
      <Problem message={problem} />
    </Section>
  );
}

const caseStatuses = ["new", "in_progress", "waiting_on_customer", "resolved", "closed"] as const;
const caseStatusLabel: Record<(typeof caseStatuses)[number], string> = { new: "New", in_progress: "In progress", waiting_on_customer: "Waiting on customer", resolved: "Resolved", closed: "Closed" };
const severities = ["critical", "high", "medium", "low"] as const;
const severityLabel: Record<string, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low" };

/** Production cases of live phases: severity, status, owner, resolution notes. */
export function SupportCasesSection({ projectId, people }: { projectId: string; people: PersonOption[] }) {
  const [list, reload] = useApi<{ items: CaseDto[] }>(`/projects/${projectId}/support-cases`);
  const { run, problem } = useRun(reload);
  const [draft, setDraft] = useState({ caseNumber: "", title: "", severity: "medium", ownerId: "" });
  const api = projectApi(projectId);
  const t = useTableStyles();
  const layout = useLayoutStyles();
  return (
    <Section id="support-cases" title="Support cases">
      {list.state === "loading" ? <Loading label="Loading cases…" /> : null}
      {list.state === "error" ? <ErrorState title={list.explained.title} message={list.message} onRetry={reload} /> : null}
      {list.state === "ready" && list.data.items.length === 0 ? <Empty>No support cases.</Empty> : null}
      {list.state === "ready" && list.data.items.length ? (
        <ScrollingTable label="Support cases">
          <Table size="small" className={mergeClasses(t.table, t.wide)} aria-label="Support cases">
            <TableHeader><TableRow>{["Case", "Severity", "Owner", "Status"].map((h) => <TableHeaderCell key={h} className={t.head}>{h}</TableHeaderCell>)}</TableRow></TableHeader>
            <TableBody>
              {list.data.items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell className={t.cell}><Text weight="semibold">{c.caseNumber}</Text> {c.title}{c.resolutionNotes ? <Text size={200} block>{c.resolutionNotes}</Text> : null}</TableCell>
                  <TableCell className={t.cell}>{severityLabel[c.severity] ?? c.severity}</TableCell>
                  <TableCell className={t.cell}>{c.ownerName ?? "—"}</TableCell>
                  <TableCell className={t.cell}>
                    <Select size="small" aria-label={`Status of ${c.caseNumber}`} value={c.status} onChange={(_e, d) => void run(() => api.send("PATCH", `/support-cases/${c.id}`, { version: c.version, status: d.value }))}>
                      {caseStatuses.map((s) => <option key={s} value={s}>{caseStatusLabel[s]}</option>)}
                    </Select>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollingTable>
      ) : null}
      <form
        aria-label="Add a support case"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api.send("POST", "/support-cases", { ...draft, ownerId: draft.ownerId || null }), () => setDraft({ caseNumber: "", title: "", severity: "medium", ownerId: "" }));
        }}
        className={layout.row}
      >
        <Input aria-label="Case number" placeholder="CS-…" value={draft.caseNumber} onChange={(_, d) => setDraft({ ...draft, caseNumber: d.value })} className={t.caseNumber} />
        <Input aria-label="Case title" placeholder="Title" value={draft.title} onChange={(_, d) => setDraft({ ...draft, title: d.value })} />
        <Select aria-label="Severity" value={draft.severity} onChange={(_e, d) => setDraft({ ...draft, severity: d.value })}>
          {severities.map((s) => <option key={s} value={s}>{severityLabel[s]}</option>)}
        </Select>
        <PersonSelect label="Owner" value={draft.ownerId} people={people} onChange={(ownerId) => setDraft({ ...draft, ownerId })} />
        <Button type="submit">Add case</Button>
      </form>
      <Problem message={problem} />
    </Section>
  );
}
