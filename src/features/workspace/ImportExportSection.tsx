import { useState } from "react";
import { Button, Select, Text } from "@fluentui/react-components";
import { useLayoutStyles } from "../../ui/layoutStyles";
import type { ImportReport } from "../../../contracts/importExport";
import { api, ApiError } from "../../api/client";
import { Problem, Section } from "./Section";
import { download, problemOf } from "./workspaceApi";
import { useDates } from "../panel/dates/useDates";
import type { PanelDates } from "../panel/dates/panelDates";

// The report carries field and value codes; people read words.
const fieldWords: Record<string, string> = {
  name: "Task", externalRef: "ID", owner: "Owner", startDate: "Start", dueDate: "Due", status: "Status", dependsOn: "Depends on",
  parent: "Part of", kind: "Type", title: "Title", description: "Description", callbookId: "Callbook ID",
};
const valueWords: Record<string, string> = {
  not_started: "Not started", in_progress: "In progress", blocked: "Blocked", done: "Complete",
  open: "Open", closed: "Closed", risk: "Risk", action: "Action", issue: "Issue", decision: "Decision",
};
const layoutWords: Record<string, string> = { msproject: "MS Project", smartsheet: "SmartSheet", excel: "Excel", raid_log: "RAID log" };
const delimiterWords: Record<string, string> = { comma: "comma-separated", semicolon: "semicolon-separated", tab: "tab-separated", "vertical bar": "bar-separated" };
const dateWords = (d: ImportReport["dates"]) => {
  if (d.decidedBy === "none") return "dates written with month names or as dates";
  if (!d.order) return "date order not decided";
  const order = d.order === "dmy" ? "day first" : "month first";
  const by = { file: "as the file shows", saved: "as this project chose before", answer: "as you said", none: "", undecided: "" }[d.decidedBy];
  return `dates ${order} (${by})`;
};
const fieldWord = (k: string) => fieldWords[k] ?? k;
// Dates come as yyyy-mm-dd; they read as the rest of the workspace writes them.
const valueWordIn = (dates: PanelDates) => (v: string | null) => (v === null ? "—" : /^\d{4}-\d{2}-\d{2}$/.test(v) ? dates.day(v) : (valueWords[v] ?? v));
const shown = (valueWord: (v: string | null) => string, fields: Record<string, string | null>) =>
  Object.entries(fields)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${fieldWord(k)}: ${valueWord(v)}`)
    .join(" · ");
const more = (shownCount: number, total: number, what: string) =>
  total > shownCount ? <Text size={200}>Showing the first {shownCount} of {total} {what}.</Text> : null;

/** How the file was read, in words: layout, encoding, delimiter, dates, links. */
function readAs(r: ImportReport): string {
  const parts = [`${layoutWords[r.layout] ?? r.layout} layout`];
  if (r.mappingFrom === "saved") parts.push("columns as this project saved them");
  if (r.source.format === "xlsx") parts.push("Excel workbook");
  else parts.push(`text in ${r.source.encoding ?? "unknown encoding"}, ${delimiterWords[r.source.delimiter ?? ""] ?? r.source.delimiter ?? ""}`);
  parts.push(dateWords(r.dates));
  if (r.kind === "tasks" && r.counts.links > 0) {
    parts.push(r.predecessorsBy === "ids" ? "predecessors by the file's ID column" : r.predecessorsBy === "rows" ? "predecessors by row number" : "dependencies by task ID or name");
  }
  return parts.join("; ");
}

/** Import a schedule or RAID log (.xlsx/.csv/.txt): check first (nothing saved), then import all or nothing. */
export function ImportSection({ projectId, onImported }: { projectId: string; onImported: () => void }) {
  const dates = useDates();
  const valueWord = valueWordIn(dates);
  const [kind, setKind] = useState<"tasks" | "raid">("tasks");
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [dateOrder, setDateOrder] = useState<"dmy" | "mdy" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean, order = dateOrder) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const q = new URLSearchParams({ kind, dryRun: String(dryRun), filename: file.name, ...(order ? { dateOrder: order } : {}) });
      const r = await api<ImportReport>(`/projects/${projectId}/import?${q.toString()}`, {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream" },
        body: await file.arrayBuffer(),
      });
      setReport(r);
      if (r.applied) onImported();
    } catch (e) {
      const fields = e instanceof ApiError ? ((e.body as { error?: { fields?: string[]; report?: ImportReport } }).error ?? {}) : {};
      if (fields.report) setReport(fields.report);
      setProblem(fields.fields?.join("; ") ?? problemOf(e));
    } finally {
      setBusy(false);
    }
  };
  const answer = (order: "dmy" | "mdy") => {
    setDateOrder(order);
    void send(true, order);
  };
  const reset = () => {
    setReport(null);
    setDateOrder(null);
  };

  const layout = useLayoutStyles();
  const changes = report ? report.counts.add + report.counts.update : 0;
  return (
    <Section id="import" title="Import a schedule or RAID log">
      <div className={layout.rowCenter}>
        <Select aria-label="What the file holds" value={kind} onChange={(_e, d) => { setKind(d.value === "raid" ? "raid" : "tasks"); reset(); }}>
          <option value="tasks">Schedule (tasks)</option>
          <option value="raid">RAID log</option>
        </Select>
        <input aria-label="File to import" type="file" accept=".xlsx,.csv,.txt,.tsv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); reset(); }} />
        <Button disabled={!file || busy} onClick={() => void send(true)}>Check file</Button>
      </div>
      <Text size={200}>
        MS Project, SmartSheet and Excel exports are recognised by their headers (ID, Name / Task Name, Assigned To / Owner, Start, Finish / End Date / Due, Status, Predecessors, Outline Level; RAID: Type, Title, Owner, Due Date, Status), in any encoding Excel saves, comma-, semicolon- or tab-separated.
      </Text>
      {report ? (
        <div role="region" aria-label="Import report" className={layout.stackXS}>
          <Text weight="semibold">
            {report.applied ? "Imported: " : "Check: "}
            {report.counts.add} to add, {report.counts.update} to update, {report.counts.unchanged} unchanged, {report.counts.reject} refused
          </Text>
          <Text size={200}>Read as: {readAs(report)}.</Text>
          {report.questions.map((q) => (
            <div key={q.id} role="group" aria-label="Question about the file" className={layout.rowCenter}>
              <Text>{q.question}</Text>
              {q.answers.map((a) => <Button key={a.value} size="small" disabled={busy} onClick={() => answer(a.value)}>{a.label}</Button>)}
            </div>
          ))}
          {report.reject.length ? (
            <ul aria-label="Refused rows">{report.reject.map((r) => <li key={r.row}>{r.reason}</li>)}</ul>
          ) : null}
          {more(report.reject.length, report.counts.reject, "refused rows")}
          {report.add.length ? <ul aria-label="Rows to add">{report.add.map((a) => <li key={a.row}>Row {a.row}: {shown(valueWord, a.fields)}</li>)}</ul> : null}
          {more(report.add.length, report.counts.add, "rows to add")}
          {report.update.length ? (
            <ul aria-label="Rows to update">
              {report.update.map((u) => (
                <li key={u.row}>Row {u.row}: {u.key} — {Object.entries(u.changes).map(([f, c]) => `${fieldWord(f)} ${valueWord(c.from)} → ${valueWord(c.to)}`).join(", ")}</li>
              ))}
            </ul>
          ) : null}
          {more(report.update.length, report.counts.update, "rows to update")}
          {report.links.length ? (
            <ul aria-label="Predecessor links">
              {report.links.map((l) => (
                <li key={`${l.row}-${l.written}`}>Row {l.row}: {l.task} after {l.predecessor}{l.predecessorRow ? ` (row ${l.predecessorRow})` : ""}: {l.type}, {l.lag} — written {l.written}</li>
              ))}
            </ul>
          ) : null}
          {more(report.links.length, report.counts.links, "predecessor links")}
          {!report.applied && report.counts.reject === 0 && report.questions.length === 0 && changes > 0 ? (
            <div><Button appearance="primary" disabled={busy} onClick={() => void send(false)}>Import {changes} change{changes === 1 ? "" : "s"}</Button></div>
          ) : null}
          {!report.applied && report.counts.reject > 0 ? <Text>Fix the refused rows in the file and check it again: a file is imported whole or not at all.</Text> : null}
        </div>
      ) : null}
      <Problem message={problem} />
    </Section>
  );
}

const exportsList: [string, string][] = [
  ["raid.xlsx", "RAID log (.xlsx)"], ["raid.csv", "RAID log (.csv)"],
  ["schedule.xlsx", "Schedule (.xlsx)"], ["schedule.csv", "Schedule (.csv)"],
  ["integration-summary.xlsx", "Integration summary (.xlsx)"], ["integration-summary.csv", "Integration summary (.csv)"],
];

export function ExportSection({ projectId }: { projectId: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const get = (path: string, open = false) => {
    setProblem(null);
    download(`/projects/${projectId}${path}`, open).catch((e: unknown) => setProblem(problemOf(e)));
  };
  const layout = useLayoutStyles();
  return (
    <Section id="export" title="Export">
      <div className={layout.rowCenter}>
        {exportsList.map(([file, label]) => <Button key={file} size="small" onClick={() => get(`/export/${file}`)}>{label}</Button>)}
        <Button size="small" appearance="primary" onClick={() => get("/status-report.html", true)}>Weekly status report (print)</Button>
      </div>
      <Problem message={problem} />
    </Section>
  );
}
