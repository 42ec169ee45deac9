import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import request from "supertest";
import { and, eq, sql } from "drizzle-orm";
import { ANALYZE_AFTER_ROWS, importLockKey } from "../../../server/importExport/importFile";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import * as t from "../../../server/db/schema";
import { databaseKinds } from "../../support/testDatabase";
import { openWorld, project, dana, type WorkspaceWorld } from "./workspaceSetup";

// Schedules and RAID logs as MS Project, SmartSheet and Excel really write them (issue 14 §4) and
// the import's caps (issue 13 §3), through the public HTTP API. Fixtures: test/fixtures/realworld/.

const fixture = (name: string) => readFileSync(`test/fixtures/realworld/${name}`);

interface Link { row: number; task: string; predecessor: string; predecessorRow: number | null; written: string; type: string; lag: string }
interface TaskItem { id: string; name: string; dependsOnTaskId: string | null; startDate: string | null; dueDate: string | null }

describe.each(databaseKinds)("real-world imports on %s", (kind) => {
  let w: WorkspaceWorld;
  const upload = (kindOf: "tasks" | "raid", filename: string, body: Buffer, dryRun: boolean, extra = "") =>
    request(w.app)
      .post(`/api/projects/${project}/import?kind=${kindOf}&dryRun=${dryRun}&filename=${encodeURIComponent(filename)}${extra}`)
      .set("Authorization", dana)
      .set("Content-Type", "application/octet-stream")
      .send(body);
  const tasks = async () => (await w.get("/tasks?limit=200")).body.items as TaskItem[];
  const raid = async () => (await w.get("/raid?limit=200")).body.items as { title: string; kind: string; status: string; dueDate: string | null }[];

  beforeAll(async () => {
    w = await openWorld(kind);
  });
  afterAll(async () => {
    await w?.tdb.drop();
  });

  const subsetLinks: Partial<Link>[] = [
    { task: "Placeholder task A2", predecessor: "Placeholder task A1", written: "2", type: "finish-to-start", lag: "no lag" },
    { task: "Placeholder task A3", predecessor: "Placeholder task A2", written: "3SF+1w", type: "start-to-finish", lag: "+1w (+2400 working minutes)" },
    { task: "Placeholder task A4", predecessor: "Placeholder task A3", written: "7FS+30m", type: "finish-to-start", lag: "+30m (+30 working minutes)" },
    { task: "Placeholder task B1", predecessor: "Placeholder task A4", written: "14FS+1mo", type: "finish-to-start", lag: "+1mo (+9600 working minutes)" },
    { task: "Placeholder task B2", predecessor: "Placeholder task B1", written: "22FS+2h", type: "finish-to-start", lag: "+2h (+120 working minutes)" },
    { task: "Placeholder task B3", predecessor: "Placeholder task B2", written: "23SS-1d", type: "start-to-start", lag: "-1d (-480 working minutes)" },
    { task: "Placeholder task B3", predecessor: "Placeholder task A4", written: "14FF+50%", type: "finish-to-finish", lag: "+50% of the predecessor" },
    { task: "Placeholder task B4", predecessor: "Placeholder task B3", written: "257FS+2ed", type: "finish-to-start", lag: "+2ed (+2880 elapsed minutes)" },
    { task: "Placeholder task B5", predecessor: "Placeholder task B4", written: "1034", type: "finish-to-start", lag: "no lag" },
  ];

  it.each([
    ["msproject-subset-displayed-dates.csv"],
    ["msproject-subset-iso-dates.csv"],
    ["msproject-subset.xlsx"],
  ])("dry-runs an MS Project subset export (%s): links by the ID column, outline as parents", async (file) => {
    const res = await upload("tasks", file, fixture(file), true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ layout: "msproject", predecessorsBy: "ids", reject: [], questions: [], counts: { add: 11, reject: 0, links: 9 } });
    expect((res.body.links as Link[]).map(({ task, predecessor, written, type, lag }) => ({ task, predecessor, written, type, lag }))).toEqual(subsetLinks);
    const b2 = (res.body.add as { fields: Record<string, string | null> }[]).find((a) => a.fields.name === "Placeholder task B2");
    expect(b2?.fields).toMatchObject({ externalRef: "23", startDate: "2026-01-13", dueDate: "2026-01-14", parent: "Placeholder phase B", dependsOn: "Placeholder task B1" });
    const b4 = (res.body.add as { fields: Record<string, string | null> }[]).find((a) => a.fields.name === "Placeholder task B4");
    expect(b4?.fields).toMatchObject({ externalRef: "1034", parent: "Placeholder task B2" });
  });

  it("never links to a wrong task: a predecessor ID that is not in the file refuses its row", async () => {
    const csv = "ID,Name,Duration,Start,Finish,Predecessors,Outline Level\n901,Placeholder first,1 day,2026-03-02,2026-03-03,,1\n905,Placeholder second,1 day,2026-03-03,2026-03-04,902FS+1d,1\n";
    const res = await upload("tasks", "subset-missing.csv", Buffer.from(csv), true);
    expect(res.body.reject).toEqual([{ row: 3, reason: "Row 3: predecessor 902 is not an ID in this file's ID column" }]);
    expect(res.body.links).toEqual([]);
  });

  it.each([
    ["project-long-en", null, "none"],
    ["project-weekday-mdy", "mdy", "file"],
    ["project-dd-month-yyyy", null, "none"],
    ["project-french", null, "none"],
    ["project-french-weekday-dmy", "dmy", "file"],
    ["project-german", null, "none"],
    ["smartsheet-mdy", "mdy", "file"],
    ["excel-dmy-dotted", "dmy", "file"],
    ["excel-d-mmm-yy", null, "none"],
  ])("reads dates written as %s", async (name, order, decidedBy) => {
    const res = await upload("tasks", `dates-${name}.csv`, fixture(`dates-${name}.csv`), true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reject: [], questions: [], dates: { order, decidedBy } });
    const rows = (res.body.add as { fields: Record<string, string> }[]).map((a) => [a.fields.startDate, a.fields.dueDate]);
    expect(rows).toEqual([
      ["2026-01-02", "2026-01-30"],
      ["2026-01-02", "2026-01-05"],
      ["2026-01-05", "2026-01-06"],
      ["2026-01-06", "2026-01-07"],
    ]);
  });

  it("reads the outline from indented names when there is no Outline Level column", async () => {
    const res = await upload("tasks", "msproject-indented.csv", fixture("msproject-indented.csv"), true);
    expect(res.body).toMatchObject({ layout: "msproject", reject: [] });
    const parents = Object.fromEntries((res.body.add as { fields: Record<string, string | null> }[]).map((a) => [a.fields.name, a.fields.parent]));
    expect(parents).toEqual({
      "Placeholder programme": null,
      "Placeholder stage 1": "Placeholder programme",
      "Placeholder step 1a": "Placeholder stage 1",
      "Placeholder step 1b": "Placeholder stage 1",
      "Placeholder stage 2": "Placeholder programme",
    });
  });

  it("imports the MS Project export, stores each link as written and normalised, and a second import asks nothing", async () => {
    const file = "msproject-subset-displayed-dates.csv";
    const res = await upload("tasks", file, fixture(file), false);
    expect(res.status).toBe(201);
    const all = await tasks();
    const byName = (n: string) => all.find((x) => x.name === n);
    expect(byName("Placeholder task B2")?.dependsOnTaskId).toBe(byName("Placeholder task B1")?.id);
    expect(byName("Placeholder task B5")?.dependsOnTaskId).toBe(byName("Placeholder task B4")?.id);
    expect(byName("Placeholder task A1")).toMatchObject({ startDate: "2026-01-02", dueDate: "2026-01-05" });
    const { db } = w.tdb.database;
    const [b3] = await db
      .select({ predecessors: t.tasks.predecessors, links: t.tasks.predecessorLinks, parent: t.tasks.parentTaskId, level: t.tasks.outlineLevel })
      .from(t.tasks)
      .where(and(eq(t.tasks.projectId, project), eq(t.tasks.name, "Placeholder task B3")));
    expect(b3).toEqual({
      predecessors: "23SS-1d;14FF+50%",
      links: [
        { taskId: byName("Placeholder task B2")?.id, type: "SS", written: "23SS-1d", lagMinutes: -480, lagPercent: null, elapsed: false },
        { taskId: byName("Placeholder task A4")?.id, type: "FF", written: "14FF+50%", lagMinutes: null, lagPercent: 50, elapsed: false },
      ],
      parent: byName("Placeholder task B2")?.id,
      level: 3,
    });
    const again = await upload("tasks", file, fixture(file), true);
    expect(again.body).toMatchObject({ mappingFrom: "saved", questions: [], add: [], update: [], reject: [], counts: { unchanged: 11 } });
    // The same plan written another way (ISO dates, .xlsx) is the same plan: nothing changes.
    expect((await upload("tasks", "msproject-subset.xlsx", fixture("msproject-subset.xlsx"), true)).body).toMatchObject({ add: [], update: [], reject: [] });
  });

  it("asks day-first or month-first when every date reads both ways, and remembers the answer", async () => {
    const file = "ambiguous-dates.csv";
    const dry = await upload("tasks", file, fixture(file), true);
    expect(dry.body).toMatchObject({ dates: { order: null, decidedBy: "undecided", example: "03/04/2026" }, add: [] });
    expect(dry.body.questions).toEqual([
      {
        id: "dateOrder",
        question: "Every date in this file reads both ways (03/04/2026). Which comes first?",
        answers: [
          { value: "dmy", label: "Day first (31/12/2026)" },
          { value: "mdy", label: "Month first (12/31/2026)" },
        ],
      },
    ]);
    const refused = await upload("tasks", file, fixture(file), false);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("import_question");
    const answered = await upload("tasks", file, fixture(file), true, "&dateOrder=dmy");
    expect(answered.body).toMatchObject({ questions: [], dates: { order: "dmy", decidedBy: "answer" } });
    expect(answered.body.add[0].fields).toMatchObject({ startDate: "2026-04-03", dueDate: "2026-04-05" });
    expect((await upload("tasks", file, fixture(file), false, "&dateOrder=dmy")).status).toBe(201);
    const next = await upload("tasks", file, fixture(file), true);
    expect(next.body).toMatchObject({ questions: [], dates: { order: "dmy", decidedBy: "saved" }, counts: { unchanged: 2 } });
  });

  const accented = ["Placeholder risk — vendor façade naïve café", "Placeholder issue “smart quotes” €5 fee"];
  it.each([
    ["raid-utf8-bom-comma.csv", "UTF-8 with BOM", "comma"],
    ["raid-utf8-tab.tsv", "UTF-8", "tab"],
    ["raid-unicode-text-utf16le.txt", "UTF-16 LE", "tab"],
    ["raid-utf16be.txt", "UTF-16 BE", "tab"],
    ["raid-windows1252-comma.csv", "Windows-1252", "comma"],
  ])("reads %s as %s, %s-delimited, accents intact", async (file, encoding, delimiter) => {
    const res = await upload("raid", file, fixture(file), true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: { format: "text", encoding, delimiter }, reject: [] });
    expect(res.text).not.toContain("\\ufffd");
    expect(res.text).not.toContain("\uFFFD");
    expect((res.body.add as { fields: { title: string } }[]).map((a) => a.fields.title)).toEqual(accented);
  });

  it("imports a French RAID log saved by Excel in Windows-1252 with semicolons, and stores no replacement character", async () => {
    const file = "raid-french-windows1252-semicolon.csv";
    const dry = await upload("raid", file, fixture(file), true);
    expect(dry.body).toMatchObject({ source: { encoding: "Windows-1252", delimiter: "semicolon" }, dates: { order: "dmy", decidedBy: "file" }, reject: [] });
    expect((await upload("raid", file, fixture(file), false)).status).toBe(201);
    const stored = (await raid()).filter((r) => /Retard|Vérifier|Déploiement/.test(r.title));
    expect(stored.map(({ title, kind, status, dueDate }) => ({ title, kind, status, dueDate }))).toEqual(
      expect.arrayContaining([
        { title: "Retard possible de la recette côté intégrateur", kind: "risk", status: "open", dueDate: "2026-12-15" },
        { title: "Vérifier l'accès au référentiel d'essai", kind: "action", status: "open", dueDate: "2026-12-18" },
        { title: "Déploiement décalé après les fêtes", kind: "decision", status: "closed", dueDate: null },
      ]),
    );
    expect(stored).toHaveLength(3);
    expect(JSON.stringify(await raid())).not.toContain("\uFFFD");
  });

  it("answers each cap with the limit it hit: upload size 413, rows and columns 422", async () => {
    const big = await upload("tasks", "big.csv", Buffer.alloc(6 * 1024 * 1024, 0x41), true);
    expect(big.status).toBe(413);
    expect(big.body.error.message).toBe("file: is larger than 5 MB (the upload limit)");
    const rows = Buffer.from("Task,Start\n" + "Placeholder row,2026-01-02\n".repeat(50_001));
    const tooMany = await upload("tasks", "rows.csv", rows, true);
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.message).toBe("file: has more than 50,000 rows (the row limit); split it and import the parts");
    const wide = Buffer.from(["Task", ...Array.from({ length: 200 }, (_, i) => `C${i}`)].join(",") + "\nPlaceholder,x\n");
    const tooWide = await upload("tasks", "wide.csv", wide, true);
    expect(tooWide.status).toBe(422);
    expect(tooWide.body.error.message).toBe("file: has more than 200 columns (the column limit)");
  });

  it("refreshes the planner's statistics after a bulk import, so the agenda's queries stay on their indexes", async () => {
    const rows = ANALYZE_AFTER_ROWS + 100;
    const csv = "Task,Start\n" + Array.from({ length: rows }, (_, i) => `Placeholder analysed ${i},2026-01-02`).join("\n");
    const res = await upload("tasks", "bulk-confirm.csv", Buffer.from(csv), false);
    expect(res.body).toMatchObject({ applied: true, counts: { add: rows } });
    const stats = (await w.tdb.database.db.execute(sql`select reltuples from pg_class where relname = 'tasks'`)) as unknown as { rows: { reltuples: number }[] };
    // -1 means "never analysed" (PostgreSQL 14+); PGlite has no autovacuum to do it later.
    expect(Number(stats.rows[0]?.reltuples)).toBeGreaterThanOrEqual(rows);
  });

  it("summarises a long dry run: lines up to the limit, then counts", async () => {
    const csv = "Task,Start\n" + Array.from({ length: 450 }, (_, i) => `Placeholder bulk ${i},2026-01-02`).join("\n");
    const res = await upload("tasks", "bulk.csv", Buffer.from(csv), true);
    expect(res.body).toMatchObject({ lineLimit: 200, counts: { add: 450 } });
    expect(res.body.add).toHaveLength(200);
  });

  it("runs at most one import per project: a second one while the first runs answers 409", async () => {
    const heavy = (n: number) => Buffer.from("Task,Start,Due\n" + Array.from({ length: 45_000 }, (_, i) => `Placeholder heavy ${n}-${i},2026-01-02,2026-01-09`).join("\n"));
    const both = await Promise.all([upload("tasks", "heavy-1.csv", heavy(1), true), upload("tasks", "heavy-2.csv", heavy(2), true)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)?.body.error).toEqual({ code: "import_running", message: "An import into this project is already running: try again when it has finished" });
    expect((await upload("tasks", "after.csv", Buffer.from("Task,Start\nPlaceholder after,2026-01-02\n"), true)).status).toBe(200);
  });

  it.runIf(kind === "postgres")("refuses an import while another instance is writing one into the project, and saves nothing of it (PostgreSQL only: the embedded database has one process per data folder)", async () => {
    const csv = Buffer.from("Task,Start\nPlaceholder from instance B,2026-01-02\n");
    let answer: request.Response | undefined;
    // Another instance's import transaction, holding the project's import lock while this one confirms.
    await w.tdb.database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${importLockKey(DEMO_TENANT_ID, project)}, 0))`);
      answer = await upload("tasks", "instance-b.csv", csv, false);
    });
    expect(answer?.status).toBe(409);
    expect(answer?.body.error.code).toBe("import_running");
    // Counted in the table itself: earlier tests add more tasks than one page of the list holds.
    const named = async () => (await w.tdb.database.db.select({ id: t.tasks.id }).from(t.tasks).where(eq(t.tasks.name, "Placeholder from instance B"))).length;
    expect(await named()).toBe(0);
    const again = await upload("tasks", "instance-b.csv", csv, false);
    expect(again.body).toMatchObject({ applied: true });
    expect(await named()).toBe(1);
  });
});
