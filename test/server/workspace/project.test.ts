import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import { databaseKinds } from "../../support/testDatabase";
import { demoId } from "../../../server/db/demo/seedDemo";
import { openWorld, project, kevin, otherDana, dana, type WorkspaceWorld } from "./workspaceSetup";

describe.each(databaseKinds)("project workspace: RAG, settings, follow-ups on %s", (kind) => {
  let w: WorkspaceWorld;
  beforeAll(async () => {
    w = await openWorld(kind);
  });
  afterAll(async () => {
    await w?.tdb.drop();
  });

  it("shows the workspace: project, transition, follow-ups", async () => {
    const res = await w.get("/workspace");
    expect(res.status).toBe(200);
    expect(res.body.project).toMatchObject({ id: project, rag: "amber", version: 1, daysToGoLive: 42, integrationType: "new", mrrCents: 2_450_000 });
    expect(res.body.transition.tsmMeetingsOwed).toBe(4);
    expect(res.body.followUps.map((f: { kind: string }) => f.kind)).toContain("weekly_status_report");
  });

  it("refuses amber or red without a reason and a path to green, at the field", async () => {
    const res = await w.patch("", { version: 1, rag: "red", ragReason: " ", pathToGreen: null });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual(["ragReason: is required when RAG is amber or red", "pathToGreen: is required when RAG is amber or red"]);
    const bad = await w.patch("", { version: 1, rag: "purple", goLiveDate: "31/12/2026", mrrCents: -1, integrationSummary: { nonsense: "x" } });
    expect(bad.body.error.fields).toEqual([
      "rag: must be one of green, amber, red",
      "goLiveDate: must be a date like 2026-12-31",
      "mrrCents: must be 0 or more",
      "integrationSummary.nonsense: is not a field of the integration summary",
    ]);
  });

  it("turns RAG red: records who and when, audits it, and the change notice becomes due", async () => {
    const before = await w.get("/follow-ups");
    expect(before.body.followUps.find((f: { kind: string }) => f.kind === "rag_change_notice")?.state).toBe("late");
    const res = await w.patch("", { version: 1, rag: "red", ragReason: "UAT environment not provisioned", pathToGreen: "Marcus provisions UAT by Friday" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      rag: "red",
      previousRag: "amber",
      ragChangedBy: "Dana Whitfield",
      ragChangedAt: "2026-11-18T14:00:00.000Z",
      ragReason: "UAT environment not provisioned",
      version: 2,
    });
    const notice = (await w.get("/follow-ups")).body.followUps.find((f: { kind: string }) => f.kind === "rag_change_notice");
    expect(notice).toMatchObject({ state: "due", dueAt: "2026-11-18T16:00:00.000Z", title: "Tell the stakeholders: RAG turned red (was amber)" });
    const audit = await w.get("/audit");
    expect(audit.body.items[0]).toMatchObject({
      entity: "project",
      action: "rag_changed",
      actor: "Dana Whitfield",
      at: "2026-11-18T14:00:00.000Z",
      before: { rag: "amber" },
      after: { rag: "red", ragReason: "UAT environment not provisioned", pathToGreen: "Marcus provisions UAT by Friday" },
    });
    const header = await request(w.app).get(`/api/projects/${project}`).set("Authorization", dana);
    expect(header.body).toMatchObject({ rag: "red", pathToGreen: "Marcus provisions UAT by Friday" });
  });

  it("records the notice as sent: the cadence tracker no longer owes it", async () => {
    const res = await w.post("/follow-ups/rag_change_notice/sent", {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: "rag_change_notice", sentAt: "2026-11-18T14:00:00.000Z", sentBy: "Dana Whitfield" });
    expect(res.body.followUps.some((f: { kind: string }) => f.kind === "rag_change_notice")).toBe(false);
    const weekly = await w.post("/follow-ups/weekly_status_report/sent", { sentAt: "2026-11-18T13:00:00Z" });
    expect(weekly.status).toBe(201);
    const ws = await w.get("/workspace");
    expect(ws.body.lastSent).toEqual({ rag_change_notice: "2026-11-18T14:00:00.000Z", weekly_status_report: "2026-11-18T13:00:00.000Z" });
    expect(ws.body.followUps.find((f: { kind: string }) => f.kind === "weekly_status_report").state).toBe("upcoming");
    const bad = await w.post("/follow-ups/recap/sent", {});
    expect(bad.body.error.fields).toEqual(["kind: a recap is recorded when it is sent from its meeting"]);
    expect((await w.post("/follow-ups/fax/sent", {})).status).toBe(400);
  });

  it("refuses a stale version with 409 and the current project", async () => {
    const res = await w.patch("", { version: 1, goLiveDate: "2027-01-15" });
    expect(res.status).toBe(409);
    expect(res.body.error.current).toMatchObject({ rag: "red", version: 2 });
  });

  it("edits go-live, holidays, MRR, integration type and summary fields (N/A allowed)", async () => {
    const res = await w.patch("", {
      version: 2,
      goLiveDate: "2027-01-15",
      holidays: ["2026-12-25", "2026-11-26", "2026-12-25"],
      mrrCents: 450_000,
      integrationType: "existing",
      integrationSummary: { ivr: "N/A", payments: "ACH and card via Meridian" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ goLiveDate: "2027-01-15", holidays: ["2026-11-26", "2026-12-25"], mrrCents: 450_000, integrationType: "existing", version: 3 });
    expect(res.body.integrationSummary).toMatchObject({ ivr: "N/A", payments: "ACH and card via Meridian", conveyance: "N/A", invoice_types: expect.any(String) });
    const ws = await w.get("/workspace");
    expect(ws.body.transition.tier).toMatchObject({ tsmMeetingsBeforeGoLive: 1 });
    const audit = await w.get("/audit?limit=1");
    expect(audit.body.items[0]).toMatchObject({ action: "go_live_changed", before: { goLiveDate: "2026-12-30" }, after: { goLiveDate: "2027-01-15" } });
    expect(audit.body.nextCursor).toEqual(expect.any(String));
    const next = await w.get(`/audit?limit=1&cursor=${audit.body.nextCursor}`);
    expect(next.body.items[0].action).toBe("rag_changed");
  });

  it("lists the caller's projects by urgency with RAG, countdown, next call and follow-ups due or late", async () => {
    const res = await request(w.app).get("/api/projects/overview").set("Authorization", dana);
    expect(res.status).toBe(200);
    expect(res.body.projects).toHaveLength(1);
    const [p] = res.body.projects;
    expect(p).toMatchObject({ id: project, rag: "red", daysToGoLive: 58 });
    expect(p.nextCall).toMatchObject({ subject: expect.any(String), startsAt: expect.any(String) });
    expect(p.followUps.every((f: { state: string }) => f.state !== "upcoming")).toBe(true);
    expect(p.late + p.due).toBe(p.followUps.length);
    const none = await request(w.app).get("/api/projects/overview").set("Authorization", kevin);
    expect(none.body.projects).toEqual([]);
  });

  it("lists meeting history with recap state", async () => {
    const res = await w.get("/meetings?limit=200");
    expect(res.status).toBe(200);
    const prev = res.body.items.find((m: { id: string }) => m.id === demoId("meeting_m_cust_prev"));
    expect(prev).toMatchObject({ callType: "customer_status", recap: expect.stringMatching(/^(sent|owed)$/) });
    expect(res.body.items.some((m: { recap: string }) => m.recap === "upcoming")).toBe(true);
    const starts = res.body.items.map((m: { startsAt: string }) => m.startsAt);
    expect([...starts].sort().reverse()).toEqual(starts);
  });

  it("refuses another tenant (404) and a non-member (403)", async () => {
    for (const [auth, status] of [[otherDana, 404], [kevin, 403]] as const) {
      expect((await w.get("/workspace", auth)).status).toBe(status);
      expect((await w.patch("", { version: 3, rag: "green" }, auth)).status).toBe(status);
      expect((await w.post("/follow-ups/weekly_status_report/sent", {}, auth)).status).toBe(status);
      expect((await w.get("/audit", auth)).status).toBe(status);
      expect((await w.get("/meetings", auth)).status).toBe(status);
    }
  });
});
