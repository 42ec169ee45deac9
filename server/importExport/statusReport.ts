import { daysBetween, formatLongDate, utcDateOf } from "../domain/isoDates";
import { transitionStatus } from "../domain/transition";
import type { Meeting, ProjectSnapshot } from "../../contracts/types";
import { taskStatusLabels } from "./planTasks";
import { raidKindLabels } from "./planRaid";

// The weekly status report (runbook section 2, customer status call item 1) as one printable
// HTML page. Every piece of project text goes through esc(): the page is served from our origin.

const esc = (v: unknown): string =>
  String(v ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const date = (d: string | null) => (d ? esc(formatLongDate(d)) : "—");

function table(caption: string, headers: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<h2>${esc(caption)}</h2><p class="empty">${esc(empty)}</p>`;
  return `<h2>${esc(caption)}</h2><table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

const CSS = `
body{font:14px/1.45 "Segoe UI",system-ui,sans-serif;color:#1b1b1b;margin:24px auto;max-width:960px;padding:0 16px}
h1{font-size:22px;margin:0}h2{font-size:16px;margin:20px 0 6px;border-bottom:1px solid #ccc;padding-bottom:2px}
.meta{color:#555;margin:2px 0 12px}.rag{display:inline-block;padding:2px 10px;border-radius:10px;color:#fff;font-weight:600}
.rag-green{background:#107c10}.rag-amber{background:#b86e00}.rag-red{background:#c50f1f}
table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #e0e0e0;padding:4px 6px;vertical-align:top}
th{background:#f3f3f3}.late{color:#c50f1f;font-weight:600}.empty{font-style:italic;color:#555}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr,p{break-inside:avoid}
.rag{border:1px solid #000;-webkit-print-color-adjust:exact;print-color-adjust:exact}@page{margin:16mm}}
`;

export function statusReportHtml(snapshot: ProjectSnapshot, meetings: Meeting[], now: Date): string {
  const { project } = snapshot;
  const today = utcDateOf(now);
  const name = new Map(snapshot.people.map((p) => [p.id, p.name]));
  const owner = (id: string | null) => esc(id ? (name.get(id) ?? "") : "");
  const due = (d: string | null, open: boolean) => (d && open && d < today ? `<span class="late">${date(d)} (past due)</span>` : date(d));
  const days = project.goLiveDate ? daysBetween(today, project.goLiveDate) : null;
  const weekAgo = utcDateOf(new Date(now.getTime() - 7 * 86_400_000));
  const achieved = snapshot.milestones.filter((m) => m.achievedDate && m.achievedDate >= weekAgo && m.achievedDate <= today);
  const upcoming = snapshot.milestones.filter((m) => !m.achievedDate).slice(0, 6);
  const tasks = snapshot.tasks
    .filter((k) => k.status !== "done")
    .sort((a, b) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999") || a.name.localeCompare(b.name))
    .slice(0, 10);
  const raid = snapshot.raidItems
    .filter((r) => r.status === "open" && !r.internalOnly)
    .sort((a, b) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999"));
  const crs = snapshot.changeRequests;
  const cases = snapshot.supportCases.filter((c) => c.status !== "closed" && c.status !== "resolved");
  const transition = transitionStatus(snapshot, meetings, now);

  const parts = [
    `<h1>${esc(project.name)}</h1>`,
    `<p class="meta">Weekly status report for ${esc(project.customerName)} · ${date(today)}</p>`,
    `<h2>Status</h2><p><span class="rag rag-${esc(project.rag)}" aria-label="RAG status ${esc(project.rag)}">${esc(project.rag.toUpperCase())}</span></p>`,
    project.rag !== "green" ? `<p><strong>Why:</strong> ${esc(project.ragReason)}</p><p><strong>Path to green:</strong> ${esc(project.pathToGreen)}</p>` : "",
    `<p><strong>Go-live:</strong> ${date(project.goLiveDate)}${days === null ? "" : days >= 0 ? ` — ${days} days to go-live` : ` — live for ${-days} days`}</p>`,
    table("Accomplishments this week", ["Milestone", "Deliverable", "Achieved", "Signed off by"], achieved.map((m) => [esc(m.name), esc(m.deliverable), date(m.achievedDate), esc(m.signedOffBy ?? "")]), "No milestone reached this week."),
    table("Upcoming milestones", ["Milestone", "Deliverable", "Planned"], upcoming.map((m) => [esc(m.name), esc(m.deliverable), due(m.plannedDate, true)]), "No open milestones."),
    table("Upcoming tasks", ["Task", "Owner", "Due", "Status"], tasks.map((k) => [esc(k.name), owner(k.ownerId), due(k.dueDate, true), esc(taskStatusLabels[k.status])]), "No open tasks."),
    table("RAID log: open items", ["Type", "Item", "Owner", "Due"], raid.map((r) => [esc(raidKindLabels[r.kind]), esc(r.title), owner(r.ownerId), due(r.dueDate, true)]), "No open RAID items."),
    table(
      "Change requests",
      ["Change", "Hours", "Customer confirmed", "Decision"],
      crs.map((c) => [esc(c.description), esc(c.estimateHours ?? ""), c.customerConfirmed ? "Yes" : "No", esc(c.decision === "pending" ? "Pending" : `${c.decision} by ${c.decidedBy ?? ""}`)]),
      "No change requests.",
    ),
    cases.length ? table("Open support cases", ["Case", "Title", "Severity", "Status"], cases.map((c) => [esc(c.caseNumber), esc(c.title), esc(c.severity), esc(c.status.replace(/_/g, " "))]), "") : "",
    `<h2>Transition to Client Services</h2><p>${esc(transition.tier.support)}: ${transition.tsmMeetingsHeld.length} of ${transition.tsmMeetingsOwed} TSM meetings held; integration summary ${transition.integrationSummary.filled}/${transition.integrationSummary.total} fields complete.</p>`,
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(
    `Status report — ${project.name}`,
  )}</title><style>${CSS}</style></head><body><main>${parts.join("\n")}</main></body></html>`;
}
