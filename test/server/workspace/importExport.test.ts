import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import request from "supertest";
import type { Response } from "superagent";
import { sql } from "drizzle-orm";
import { databaseKinds } from "../../support/testDatabase";
import { demoId } from "../../../server/db/demo/seedDemo";
import { openWorld, project, dana, kevin, otherDana, type WorkspaceWorld } from "./workspaceSetup";

const fixture = (name: string) => readFileSync(`test/fixtures/import/${name}`);
/** supertest hands the raw response stream to a parser: collect it as bytes (.xlsx). */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  stream.on("end", () => done(null, Buffer.concat(chunks)));
};

describe.each(databaseKinds)("import and export on %s", (kind) => {
  let w: WorkspaceWorld;
  const upload = (kindOf: "tasks" | "raid", filename: string, body: Buffer, dryRun: boolean, auth = dana) =>
    request(w.app)
      .post(`/api/projects/${project}/import?kind=${kindOf}&dryRun=${dryRun}&filename=${encodeURIComponent(filename)}`)
      .set("Authorization", auth)
      .set("Content-Type", "application/octet-stream")
      .send(body);
  const tasks = async () => (await w.get("/tasks?limit=200")).body.items as { id: string; name: string; status: string; version: number; dependsOnTaskId: string | null }[];
  const raid = async () => (await w.get("/raid?limit=200")).body.items as { id: string; title: string; status: string; version: number }[];
  const exported = (file: string) => request(w.app).get(`/api/projects/${project}/export/${file}`).set("Authorization", dana).buffer(true).parse(binary);

  beforeAll(async () => {
    w = await openWorld(kind);
  });
  afterAll(async () => {
    await w?.tdb.drop();
  });

  it("dry-runs a SmartSheet .xlsx schedule: the exact report, nothing written", async () => {
    const res = await upload("tasks", "smartsheet-schedule.xlsx", fixture("smartsheet-schedule.xlsx"), true);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      kind: "tasks",
      filename: "smartsheet-schedule.xlsx",
      layout: "smartsheet",
      mappingFrom: "headers",
      mapping: {
        columns: { name: "Task Name", owner: "Assigned To", startDate: "Start Date", dueDate: "End Date", status: "Status", dependsOn: "Predecessors" },
        dateFormat: "mdy",
      },
      source: { format: "xlsx", encoding: null, delimiter: null },
      dates: { order: null, decidedBy: "none", example: null },
      predecessorsBy: "rows",
      questions: [],
      lineLimit: 200,
      add: [
        { row: 5, fields: { name: "Train Riverbend billing team on the portal", owner: "Rachel Stone", startDate: "2026-12-01", dueDate: "2026-12-04", status: "not_started", dependsOn: "UAT round 1" } },
        { row: 6, fields: { name: "Portal launch announcement", owner: "Ben Foster", startDate: "2026-12-07", dueDate: "2026-12-08", status: "not_started", dependsOn: "Train Riverbend billing team on the portal" } },
      ],
      update: [{ row: 3, id: demoId("task_t11"), key: "Load customer UAT test accounts", changes: { status: { from: "in_progress", to: "done" } } }],
      unchanged: 2,
      reject: [],
      links: [
        { row: 4, task: "UAT round 1", predecessor: "Provision UAT environment", predecessorRow: 2, written: "1", type: "finish-to-start", lag: "no lag" },
        { row: 5, task: "Train Riverbend billing team on the portal", predecessor: "UAT round 1", predecessorRow: 4, written: "3", type: "finish-to-start", lag: "no lag" },
        { row: 6, task: "Portal launch announcement", predecessor: "Train Riverbend billing team on the portal", predecessorRow: 5, written: "4FS+2d", type: "finish-to-start", lag: "+2d (+960 working minutes)" },
      ],
      counts: { add: 2, update: 1, unchanged: 2, reject: 0, links: 3 },
      applied: false,
    });
    expect(await tasks()).toHaveLength(34);
  });

  it("imports it for real, then a second import of the same file changes nothing", async () => {
    const res = await upload("tasks", "smartsheet-schedule.xlsx", fixture("smartsheet-schedule.xlsx"), false);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ applied: true, unchanged: 2 });
    const after = await tasks();
    expect(after).toHaveLength(36);
    const train = after.find((t) => t.name === "Train Riverbend billing team on the portal");
    expect(after.find((t) => t.name === "Portal launch announcement")?.dependsOnTaskId).toBe(train?.id);
    expect(train?.dependsOnTaskId).toBe(demoId("task_t19"));
    expect(after.find((t) => t.id === demoId("task_t11"))).toMatchObject({ status: "done", version: 2 });
    expect((await w.get("/audit?limit=1")).body.items[0]).toMatchObject({ entity: "import", action: "tasks_imported", after: { added: 2, updated: 1, unchanged: 2 } });

    const again = await upload("tasks", "smartsheet-schedule.xlsx", fixture("smartsheet-schedule.xlsx"), false);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ add: [], update: [], unchanged: 5, reject: [], layout: "smartsheet", mappingFrom: "saved", questions: [] });
    expect(await tasks()).toEqual(after);
  });

  it("imports an Excel .csv schedule (m/d/y dates, blank cells)", async () => {
    const dry = await upload("tasks", "excel-schedule.csv", fixture("excel-schedule.csv"), true);
    expect(dry.body).toEqual({
      kind: "tasks",
      filename: "excel-schedule.csv",
      layout: "excel",
      mappingFrom: "headers",
      mapping: { columns: { name: "Task", owner: "Owner", startDate: "Start", dueDate: "Due", status: "Status" }, dateFormat: "mdy" },
      source: { format: "text", encoding: "UTF-8", delimiter: "comma" },
      dates: { order: "mdy", decidedBy: "file", example: "11/12/2026" },
      predecessorsBy: "names",
      questions: [],
      lineLimit: 200,
      add: [
        { row: 4, fields: { name: "Data migration dry run", owner: "Marcus Lee", startDate: "2026-12-02", dueDate: "2026-12-09", status: "not_started" } },
        { row: 5, fields: { name: "Hypercare rota", owner: null, startDate: null, dueDate: null, status: "not_started" } },
      ],
      update: [{ row: 3, id: demoId("task_t14"), key: "Autopay enrolment file mapping", changes: { dueDate: { from: "2026-11-22", to: "2026-11-24" } } }],
      unchanged: 1,
      reject: [],
      links: [],
      counts: { add: 2, update: 1, unchanged: 1, reject: 0, links: 0 },
      applied: false,
    });
    expect((await upload("tasks", "excel-schedule.csv", fixture("excel-schedule.csv"), false)).status).toBe(201);
    expect((await w.get("/import/mapping?kind=tasks")).body.mapping.columns).toEqual({ name: "Task", owner: "Owner", startDate: "Start", dueDate: "Due", status: "Status" });
    expect((await upload("tasks", "excel-schedule.csv", fixture("excel-schedule.csv"), true)).body).toMatchObject({ add: [], update: [], unchanged: 4 });
  });

  it("imports a RAID log .csv", async () => {
    const dry = await upload("raid", "raid-log.csv", fixture("raid-log.csv"), true);
    expect(dry.body).toEqual({
      kind: "raid",
      filename: "raid-log.csv",
      layout: "raid_log",
      mappingFrom: "headers",
      mapping: { columns: { kind: "Type", title: "Title", owner: "Owner", dueDate: "Due Date", status: "Status" }, dateFormat: "mdy" },
      source: { format: "text", encoding: "UTF-8", delimiter: "comma" },
      dates: { order: null, decidedBy: "none", example: null },
      predecessorsBy: "names",
      questions: [],
      lineLimit: 200,
      add: [
        { row: 4, fields: { kind: "issue", title: "Portal timeout on the bill history page", owner: "Tom Alvarez", dueDate: "2026-11-27", status: "open" } },
        { row: 5, fields: { kind: "decision", title: "UAT runs in two rounds of five days", owner: "Rachel Stone", dueDate: null, status: "closed" } },
      ],
      update: [{ row: 3, id: demoId("raid_r06"), key: "Share UAT test account list", changes: { status: { from: "open", to: "closed" } } }],
      unchanged: 1,
      reject: [],
      links: [],
      counts: { add: 2, update: 1, unchanged: 1, reject: 0, links: 0 },
      applied: false,
    });
    expect((await upload("raid", "raid-log.csv", fixture("raid-log.csv"), false)).status).toBe(201);
    expect((await raid()).find((r) => r.id === demoId("raid_r06"))).toMatchObject({ status: "closed", version: 2 });
    expect((await upload("raid", "raid-log.csv", fixture("raid-log.csv"), false)).body).toMatchObject({ add: [], update: [], unchanged: 4 });
  });

  it("reports bad dates, unknown owners and duplicate rows exactly, and refuses to import the file", async () => {
    const dry = await upload("tasks", "bad-schedule.csv", fixture("bad-schedule.csv"), true);
    expect(dry.body.reject).toEqual([
      { row: 7, reason: "Row 7: due date '31/02/2026' is not a date" },
      { row: 9, reason: "Row 9: owner 'Zed' is not a person of this project" },
      { row: 12, reason: "Row 12: duplicate of row 4" },
    ]);
    expect(dry.body.add.map((a: { row: number }) => a.row)).toEqual([2, 3, 4, 5, 6, 8, 10, 11]);
    expect(dry.body).toMatchObject({ update: [], unchanged: 0, applied: false });
    const before = await tasks();
    const real = await upload("tasks", "bad-schedule.csv", fixture("bad-schedule.csv"), false);
    expect(real.status).toBe(422);
    expect(real.body.error).toMatchObject({ code: "import_rejected", message: "3 rows are refused: fix the file and import again. Nothing was imported." });
    expect(real.body.error.report.reject).toHaveLength(3);
    expect(await tasks()).toEqual(before);
  });

  it("writes all or nothing: a row the database refuses mid-way rolls back the rows before it", async () => {
    const { db } = w.tdb.database;
    await db.execute(sql.raw(`alter table tasks add constraint test_refuse_explode check (name <> 'Explode here')`));
    try {
      const before = await tasks();
      const audits = (await w.get("/audit?limit=200")).body.items.length;
      const dry = await upload("tasks", "fails-midway.csv", fixture("fails-midway.csv"), true);
      expect(dry.body).toMatchObject({ reject: [], unchanged: 0 });
      expect(dry.body.update).toHaveLength(1);
      expect(dry.body.add).toHaveLength(3);
      const res = await upload("tasks", "fails-midway.csv", fixture("fails-midway.csv"), false);
      expect(res.status).toBe(500);
      expect(res.body.error).toEqual({ code: "import_failed", message: "The import failed and nothing was saved" });
      expect(await tasks()).toEqual(before);
      expect((await w.get("/audit?limit=200")).body.items).toHaveLength(audits);
    } finally {
      await db.execute(sql.raw(`alter table tasks drop constraint test_refuse_explode`));
    }
  });

  it.each(["schedule.xlsx", "schedule.csv", "raid.xlsx", "raid.csv"])("round-trips %s: re-importing the export is a no-op", async (file) => {
    const res = await exported(file);
    expect(res.status).toBe(200);
    const [sheet = "", ext = ""] = file.split(".");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="riverbend-utilities-${sheet}-2026-11-18.${ext}"`);
    const importKind = sheet === "raid" ? "raid" : "tasks";
    const count = importKind === "raid" ? (await raid()).length : (await tasks()).length;
    const before = importKind === "raid" ? await raid() : await tasks();
    const back = await upload(importKind, file, res.body as Buffer, false);
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ add: [], update: [], reject: [], unchanged: count });
    expect(importKind === "raid" ? await raid() : await tasks()).toEqual(before);
  });

  it("exports the integration summary with N/A and missing fields", async () => {
    const res = await request(w.app).get(`/api/projects/${project}/export/integration-summary.csv`).set("Authorization", dana);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = res.text.replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines[0]).toBe("Field,Value,Status");
    expect(lines).toContain("Conveyance,N/A,N/A");
    expect(lines).toContain("IVR,,Missing");
    expect((await exported("integration-summary.xlsx")).status).toBe(200);
    expect((await request(w.app).get(`/api/projects/${project}/export/budget.pdf`).set("Authorization", dana)).body.error.fields).toEqual([
      "sheet: must be one of schedule, raid, integration-summary",
      "format: must be xlsx or csv",
    ]);
  });

  it("uses a column mapping the project saved for headers it would not recognise", async () => {
    const csv = Buffer.from("Job,Who,Kickoff,Deadline,State\nWrite the cut-over runbook,Dana Whitfield,03/12/2026,10/12/2026,Not Started\n");
    const unknown = await upload("tasks", "custom.csv", csv, true);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual(["file: no column for the task name (a header like Task Name, Task, Name)"]);
    const saved = await w.put("/import/mapping?kind=tasks", { columns: { name: "Job", owner: "Who", startDate: "Kickoff", dueDate: "Deadline", status: "State" }, dateFormat: "dmy" });
    expect(saved.status).toBe(200);
    const dry = await upload("tasks", "custom.csv", csv, true);
    expect(dry.body).toMatchObject({ layout: "excel", mappingFrom: "saved", dates: { order: "dmy", decidedBy: "saved" }, add: [{ row: 2, fields: { name: "Write the cut-over runbook", startDate: "2026-12-03", dueDate: "2026-12-10" } }] });
    const bad = await w.put("/import/mapping?kind=tasks", { columns: { colour: "Job" } });
    expect(bad.body.error.fields).toEqual(["columns.colour: is not a field of tasks (callbookId, externalRef, name, owner, startDate, dueDate, status, dependsOn, outlineLevel)", "columns.name: is required"]);
  });

  it("refuses files it cannot read and bad import parameters", async () => {
    expect((await upload("tasks", "x.xlsx", Buffer.from("not a zip"), true)).body.error.fields).toEqual(["file: this is not a readable .xlsx workbook"]);
    const res = await request(w.app).post(`/api/projects/${project}/import?kind=gantt&filename=plan.mpp`).set("Authorization", dana).set("Content-Type", "application/octet-stream").send(Buffer.from("x"));
    expect(res.body.error.fields).toEqual(["kind: must be one of tasks, raid", "filename: must end in .xlsx, .csv, .txt or .tsv"]);
  });

  it("prints the weekly status report as escaped HTML with print CSS", async () => {
    const version = (await w.get("/workspace")).body.project.version as number;
    await w.patch("", { version, rag: "red", ragReason: "<script>alert('x')</script> & more", pathToGreen: "Fix <b>it</b>" });
    const res = await request(w.app).get(`/api/projects/${project}/status-report.html`).set("Authorization", dana);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(res.text).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more");
    expect(res.text).toContain("Fix &lt;b&gt;it&lt;/b&gt;");
    expect(res.text).not.toContain("<script>");
    expect(res.text).toContain("@media print");
    expect(res.text).toContain('aria-label="RAG status red"');
    expect(res.text).toContain("Upcoming tasks");
  });

  it("refuses another tenant (404) and a non-member (403)", async () => {
    for (const [auth, status] of [[otherDana, 404], [kevin, 403]] as const) {
      expect((await upload("tasks", "excel-schedule.csv", fixture("excel-schedule.csv"), true, auth)).status).toBe(status);
      expect((await request(w.app).get(`/api/projects/${project}/export/raid.csv`).set("Authorization", auth)).status).toBe(status);
      expect((await request(w.app).get(`/api/projects/${project}/status-report.html`).set("Authorization", auth)).status).toBe(status);
      expect((await w.get("/import/mapping?kind=tasks", auth)).status).toBe(status);
    }
  });
});
