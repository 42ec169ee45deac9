import { useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import type { ImportReport } from "../../../contracts/importExport";
import { api, ApiError } from "../../api/client";
import { Problem, Section } from "./Section";
import { download, problemOf } from "./workspaceApi";

const shown = (fields: Record<string, string | null>) =>
  Object.entries(fields)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`)
    .join(" · ");

/** Import a schedule or RAID log (.xlsx/.csv): check first (nothing saved), then import all or nothing. */
export function ImportSection({ projectId, onImported }: { projectId: string; onImported: () => void }) {
  const [kind, setKind] = useState<"tasks" | "raid">("tasks");
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const q = new URLSearchParams({ kind, dryRun: String(dryRun), filename: file.name });
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

  const changes = report ? report.add.length + report.update.length : 0;
  return (
    <Section id="import" title="Import a schedule or RAID log">
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "center" }}>
        <select aria-label="What the file holds" value={kind} onChange={(e) => { setKind(e.target.value as "tasks" | "raid"); setReport(null); }} style={{ minHeight: 30 }}>
          <option value="tasks">Schedule (tasks)</option>
          <option value="raid">RAID log</option>
        </select>
        <input aria-label="File to import" type="file" accept=".xlsx,.csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); }} />
        <Button disabled={!file || busy} onClick={() => void send(true)}>Check file</Button>
      </div>
      <Text size={200}>SmartSheet and Excel exports are recognised by their headers (Task Name / Task, Assigned To / Owner, Start, End Date / Due, Status, Predecessors; RAID: Type, Title, Owner, Due Date, Status).</Text>
      {report ? (
        <div role="region" aria-label="Import report" style={{ display: "grid", gap: 4 }}>
          <Text weight="semibold">
            {report.applied ? "Imported: " : "Check: "}
            {report.add.length} to add, {report.update.length} to update, {report.unchanged} unchanged, {report.reject.length} refused ({report.layout} layout, dates {report.mapping.dateFormat === "dmy" ? "day/month" : "month/day"})
          </Text>
          {report.reject.length ? (
            <ul aria-label="Refused rows">{report.reject.map((r) => <li key={r.row}>{r.reason}</li>)}</ul>
          ) : null}
          {report.add.length ? <ul aria-label="Rows to add">{report.add.map((a) => <li key={a.row}>Row {a.row}: {shown(a.fields)}</li>)}</ul> : null}
          {report.update.length ? (
            <ul aria-label="Rows to update">
              {report.update.map((u) => (
                <li key={u.row}>Row {u.row}: {u.key} — {Object.entries(u.changes).map(([f, c]) => `${f} ${c.from ?? "—"} → ${c.to ?? "—"}`).join(", ")}</li>
              ))}
            </ul>
          ) : null}
          {!report.applied && report.reject.length === 0 && changes > 0 ? (
            <div><Button appearance="primary" disabled={busy} onClick={() => void send(false)}>Import {changes} change{changes === 1 ? "" : "s"}</Button></div>
          ) : null}
          {!report.applied && report.reject.length > 0 ? <Text>Fix the refused rows in the file and check it again: a file is imported whole or not at all.</Text> : null}
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
  return (
    <Section id="export" title="Export">
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        {exportsList.map(([file, label]) => <Button key={file} size="small" onClick={() => get(`/export/${file}`)}>{label}</Button>)}
        <Button size="small" appearance="primary" onClick={() => get("/status-report.html", true)}>Weekly status report (print)</Button>
      </div>
      <Problem message={problem} />
    </Section>
  );
}
