import { useState } from "react";
import { Badge, Button, Checkbox, Input, Text } from "@fluentui/react-components";
import type { CaseDto, ChangeRequestDto } from "../../../contracts/workspace";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { formatDay } from "../../ui/format";
import { cellStyle, tableStyle } from "./labels";
import { PersonSelect, Problem, Section, type PersonOption } from "./Section";
import { projectApi, useRun } from "./workspaceApi";

/** Change requests: hours, customer confirmation, and the decision (recorded with who and when). */
export function ChangeRequestsSection({ projectId }: { projectId: string }) {
  const [list, reload] = useApi<{ items: ChangeRequestDto[] }>(`/projects/${projectId}/change-requests`);
  const { run, problem } = useRun(reload);
  const [draft, setDraft] = useState({ description: "", hours: "", confirmed: false });
  const api = projectApi(projectId);
  return (
    <Section id="change-requests" title="Change requests">
      {list.state === "loading" ? <Loading label="Loading change requests…" /> : null}
      {list.state === "error" ? <ErrorState title={list.explained.title} message={list.message} onRetry={reload} /> : null}
      {list.state === "ready" && list.data.items.length === 0 ? <Empty>No change requests.</Empty> : null}
      {list.state === "ready" && list.data.items.length ? (
        <table style={tableStyle} aria-label="Change requests">
          <thead><tr>{["Change", "Hours", "Customer confirmed", "Decision"].map((h) => <th key={h} style={cellStyle}>{h}</th>)}</tr></thead>
          <tbody>
            {list.data.items.map((c) => (
              <tr key={c.id}>
                <td style={cellStyle}>{c.description}</td>
                <td style={cellStyle}>{c.estimateHours ?? "—"}</td>
                <td style={cellStyle}>
                  <Checkbox aria-label="Customer confirmed" checked={c.customerConfirmed} onChange={(_, d) => void run(() => api.send("PATCH", `/change-requests/${c.id}`, { version: c.version, customerConfirmed: Boolean(d.checked) }))} />
                </td>
                <td style={cellStyle}>
                  {c.decision === "pending" ? (
                    <>
                      <Button size="small" onClick={() => void run(() => api.send("POST", `/change-requests/${c.id}/decision`, { version: c.version, decision: "approved" }))}>Approve</Button>{" "}
                      <Button size="small" onClick={() => void run(() => api.send("POST", `/change-requests/${c.id}/decision`, { version: c.version, decision: "declined" }))}>Decline</Button>
                    </>
                  ) : (
                    <Text>
                      <Badge appearance="tint" color={c.decision === "approved" ? "success" : "danger"}>{c.decision}</Badge> by {c.decidedBy}
                      {c.decidedAt ? `, ${formatDay(c.decidedAt)}` : ""}
                    </Text>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form
        aria-label="Add a change request"
        onSubmit={(e) => {
          e.preventDefault();
          const hours = draft.hours.trim() === "" ? null : Number(draft.hours);
          void run(() => api.send("POST", "/change-requests", { description: draft.description, estimateHours: hours, customerConfirmed: draft.confirmed }), () => setDraft({ description: "", hours: "", confirmed: false }));
        }}
        style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "center" }}
      >
        <Input aria-label="Change description" placeholder="Change requested" value={draft.description} onChange={(_, d) => setDraft({ ...draft, description: d.value })} />
        <Input aria-label="Estimate (hours)" placeholder="Hours" inputMode="decimal" value={draft.hours} onChange={(_, d) => setDraft({ ...draft, hours: d.value })} style={{ width: 90 }} />
        <Checkbox label="Customer confirmed" checked={draft.confirmed} onChange={(_, d) => setDraft({ ...draft, confirmed: Boolean(d.checked) })} />
        <Button type="submit">Add change request</Button>
      </form>
      <Problem message={problem} />
    </Section>
  );
}

const caseStatuses = ["new", "in_progress", "waiting_on_customer", "resolved", "closed"] as const;

/** Production cases of live phases: severity, status, owner, resolution notes. */
export function SupportCasesSection({ projectId, people }: { projectId: string; people: PersonOption[] }) {
  const [list, reload] = useApi<{ items: CaseDto[] }>(`/projects/${projectId}/support-cases`);
  const { run, problem } = useRun(reload);
  const [draft, setDraft] = useState({ caseNumber: "", title: "", severity: "medium", ownerId: "" });
  const api = projectApi(projectId);
  return (
    <Section id="support-cases" title="Support cases">
      {list.state === "loading" ? <Loading label="Loading cases…" /> : null}
      {list.state === "error" ? <ErrorState title={list.explained.title} message={list.message} onRetry={reload} /> : null}
      {list.state === "ready" && list.data.items.length === 0 ? <Empty>No support cases.</Empty> : null}
      {list.state === "ready" && list.data.items.length ? (
        <table style={tableStyle} aria-label="Support cases">
          <thead><tr>{["Case", "Severity", "Owner", "Status"].map((h) => <th key={h} style={cellStyle}>{h}</th>)}</tr></thead>
          <tbody>
            {list.data.items.map((c) => (
              <tr key={c.id}>
                <td style={cellStyle}><Text weight="semibold">{c.caseNumber}</Text> {c.title}{c.resolutionNotes ? <Text size={200} block>{c.resolutionNotes}</Text> : null}</td>
                <td style={cellStyle}>{c.severity}</td>
                <td style={cellStyle}>{c.ownerName ?? "—"}</td>
                <td style={cellStyle}>
                  <select aria-label={`Status of ${c.caseNumber}`} value={c.status} onChange={(e) => void run(() => api.send("PATCH", `/support-cases/${c.id}`, { version: c.version, status: e.target.value }))}>
                    {caseStatuses.map((s) => <option key={s} value={s}>{s.replace(/_/g, " ")}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form
        aria-label="Add a support case"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api.send("POST", "/support-cases", { ...draft, ownerId: draft.ownerId || null }), () => setDraft({ caseNumber: "", title: "", severity: "medium", ownerId: "" }));
        }}
        style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "end" }}
      >
        <Input aria-label="Case number" placeholder="CS-…" value={draft.caseNumber} onChange={(_, d) => setDraft({ ...draft, caseNumber: d.value })} style={{ width: 110 }} />
        <Input aria-label="Case title" placeholder="Title" value={draft.title} onChange={(_, d) => setDraft({ ...draft, title: d.value })} />
        <select aria-label="Severity" value={draft.severity} onChange={(e) => setDraft({ ...draft, severity: e.target.value })} style={{ minHeight: 30 }}>
          {["critical", "high", "medium", "low"].map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <PersonSelect label="Owner" value={draft.ownerId} people={people} onChange={(ownerId) => setDraft({ ...draft, ownerId })} />
        <Button type="submit">Add case</Button>
      </form>
      <Problem message={problem} />
    </Section>
  );
}
