import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../support/testDatabase";
import { demoId } from "../../../server/db/demo/seedDemo";
import { openWorld, kevin, otherDana, type WorkspaceWorld } from "./workspaceSetup";

const person = (key: string) => demoId(`person_${key}`);

describe.each(databaseKinds)("RAID, change requests, cases, vendors, people on %s", (kind) => {
  let w: WorkspaceWorld;
  beforeAll(async () => {
    w = await openWorld(kind);
  });
  afterAll(async () => {
    await w?.tdb.drop();
  });

  it("RAID: creates, edits, closes, deletes; 409 on a stale edit; validation at the field", async () => {
    const created = await w.post("/raid", { kind: "risk", title: "Print vendor cut-off may move", ownerId: person("marcus"), dueDate: "2026-12-01", area: "technical" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "risk", ownerName: "Marcus Lee", status: "open", createdBy: "Dana Whitfield", version: 1 });
    const id = created.body.id as string;
    const closed = await w.patch(`/raid/${id}`, { version: 1, status: "closed" });
    expect(closed.body).toMatchObject({ status: "closed", closedAt: "2026-11-18T14:00:00.000Z", version: 2 });
    expect((await w.patch(`/raid/${id}`, { version: 1, title: "x" })).status).toBe(409);
    const bad = await w.post("/raid", { kind: "worry", title: "", dueDate: "tomorrow" });
    expect(bad.body.error.fields).toEqual(["kind: must be one of action, decision, risk, issue", "title: is required", "dueDate: must be a date like 2026-12-31"]);
    const outsider = await w.patch(`/raid/${id}`, { version: 2, ownerId: demoId("person_tom", "0b7e1c2a-3d4e-4f50-8a61-7c8d9e0f1a2b") });
    expect(outsider.body.error.fields).toEqual(["ownerId: is not a person of this project"]);
    expect((await w.del(`/raid/${id}?version=2`)).status).toBe(204);
  });

  it("RAID: a decision is audited with who decided and when", async () => {
    const res = await w.post("/raid", { kind: "decision", title: "Paper bills stop 60 days after go-live", decidedBy: "Linda Harper" });
    expect(res.body).toMatchObject({ decidedBy: "Linda Harper", decidedAt: "2026-11-18T14:00:00.000Z" });
    const audit = await w.get("/audit?limit=1");
    expect(audit.body.items[0]).toMatchObject({ entity: "decision", entityId: res.body.id, action: "decision_recorded", after: { title: "Paper bills stop 60 days after go-live", decidedBy: "Linda Harper" } });
  });

  it("RAID: pages and filters by kind, owner, open, late, no due date", async () => {
    const all: { id: string }[] = [];
    let cursor: string | null = null;
    do {
      const res = await w.get(`/raid?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      all.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(16);
    expect(new Set(all.map((a) => a.id)).size).toBe(16);
    const late = await w.get("/raid?late=true");
    expect(late.body.items.map((i: { title: string }) => i.title)).toEqual([
      "Meridian to send the returned-payment file spec",
      "Budget-billing invoices round to the wrong cent",
      "Keystone IVR sandbox not reachable from our network",
    ]);
    const undated = await w.get("/raid?noDueDate=true&status=open");
    expect(undated.body.items.map((i: { title: string }) => i.title).sort()).toEqual([
      "Ask product for multi-account autopay enhancement",
      "Confirm paper suppression legal wording",
      // Not the decision "Paper bills stop 60 days after go-live": a decision has no due date to lack (issue 16).
      "Riverbend billing team has two testers for UAT",
    ]);
    const risks = await w.get(`/raid?kind=risk&ownerId=${person("steve")}`);
    expect(risks.body.items.map((i: { title: string }) => i.title)).toEqual(["Meridian CIS patch 22.4 may slip past UAT start"]);
  });

  it("change requests: create, edit, decide (audited), 409, delete", async () => {
    const created = await w.post("/change-requests", { description: "Bill insert for the e-bill launch", estimateHours: 6 });
    expect(created.body).toMatchObject({ estimateHours: 6, customerConfirmed: false, decision: "pending", version: 1 });
    const id = created.body.id as string;
    const confirmed = await w.patch(`/change-requests/${id}`, { version: 1, customerConfirmed: true, estimateHours: 7.5 });
    expect(confirmed.body).toMatchObject({ customerConfirmed: true, estimateHours: 7.5, version: 2 });
    const decided = await w.post(`/change-requests/${id}/decision`, { version: 2, decision: "approved", decidedBy: "Helen Park" });
    expect(decided.body).toMatchObject({ decision: "approved", decidedBy: "Helen Park", decidedAt: "2026-11-18T14:00:00.000Z", version: 3 });
    const audit = await w.get("/audit?limit=1");
    expect(audit.body.items[0]).toMatchObject({ entity: "change_request", action: "change_request_approved", before: { decision: "pending" }, after: { decision: "approved", decidedBy: "Helen Park", estimateHours: 7.5 } });
    expect((await w.post(`/change-requests/${id}/decision`, { version: 2, decision: "declined" })).status).toBe(409);
    const bad = await w.post("/change-requests", { description: "", estimateHours: -2 });
    expect(bad.body.error.fields).toEqual(["description: is required", "estimateHours: must be 0 or more"]);
    expect((await w.post(`/change-requests/${id}/decision`, { version: 3, decision: "maybe" })).body.error.fields).toEqual(["decision: must be one of approved, declined"]);
    expect((await w.del(`/change-requests/${id}`)).status).toBe(204);
  });

  it("support cases: create, edit, delete, validation", async () => {
    const created = await w.post("/support-cases", { caseNumber: "CS-20511", title: "Bill PDF missing page 2", severity: "high", ownerId: person("sallie") });
    expect(created.body).toMatchObject({ status: "new", ownerName: "Sallie Ortiz", openedAt: "2026-11-18T14:00:00.000Z", version: 1 });
    const id = created.body.id as string;
    const resolved = await w.patch(`/support-cases/${id}`, { version: 1, status: "resolved", resolutionNotes: "Template fixed" });
    expect(resolved.body).toMatchObject({ status: "resolved", resolutionNotes: "Template fixed", version: 2 });
    expect((await w.patch(`/support-cases/${id}`, { version: 1, status: "closed" })).status).toBe(409);
    const bad = await w.post("/support-cases", { caseNumber: "", title: "x", severity: "urgent" });
    expect(bad.body.error.fields).toEqual(["caseNumber: is required", "severity: must be one of critical, high, medium, low"]);
    expect((await w.get("/support-cases")).body.items).toHaveLength(4);
    expect((await w.del(`/support-cases/${id}`)).status).toBe(204);
  });

  it("vendors: create, answer the CIS checklist (merged), delete, validation", async () => {
    const created = await w.post("/vendors", { name: "Northwind Print", kind: "consultant", emailDomains: ["NorthwindPrint.com"] });
    expect(created.body).toMatchObject({ emailDomains: ["northwindprint.com"], checklist: {}, version: 1 });
    const cis = demoId("vendor_cis");
    const answered = await w.patch(`/vendors/${cis}`, { version: 1, checklist: { schedule_go_live: "Can go live Dec 30 if 22.4 lands", updates_needed: "" }, goLiveAligned: true });
    expect(answered.body.checklist).toEqual({
      installed_ready: "Installed (v22.3); needs patch 22.4 for the rejects file.",
      resources_willing: "Yes: Alicia Grant dedicated two days a week.",
      pm_contact_weekly: "Steve Novak; weekly vendors-only call on Thursdays.",
      schedule_go_live: "Can go live Dec 30 if 22.4 lands",
    });
    expect(answered.body).toMatchObject({ goLiveAligned: true, contactName: "Steve Novak", version: 2 });
    const bad = await w.patch(`/vendors/${cis}`, { version: 2, kind: "bank", checklist: { favourite_colour: "blue" } });
    expect(bad.body.error.fields).toEqual(["kind: must be one of cis, si, consultant", "checklist.favourite_colour: is not a question of the CIS checklist"]);
    expect((await w.del(`/vendors/${created.body.id}?version=1`)).status).toBe(204);
  });

  it("vendors: editing a checklist answer edits the vendor record it is drawn from (issue 15 §2)", async () => {
    const si = demoId("vendor_si");
    const current = (await w.get("/vendors")).body.items.find((x: { id: string }) => x.id === si) as { version: number };
    const edited = await w.patch(`/vendors/${si}`, {
      version: current.version,
      checklist: { deliverables_moving_schedule: "Payment file mapping; SFTP cut-over", schedule_go_live: "No: they need two more weeks" },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ deliverablesTouchingSchedule: ["Payment file mapping", "SFTP cut-over"], goLiveAligned: false });
  });

  it("people: members with role and backup, out-of-office dates", async () => {
    const people = await w.get("/people");
    expect(people.body.members.find((m: { role: string }) => m.role === "pm")).toMatchObject({ name: "Dana Whitfield", backupName: "Kevin Wu" });
    const newcomer = await w.post("/people", { name: "Zoe Quinn", email: "Zoe.Quinn@riverbendutilities.com", organisation: "customer", title: "Billing analyst" });
    expect(newcomer.status).toBe(201);
    expect((await w.post("/people", { name: "Zoe again", email: "zoe.quinn@riverbendutilities.com", organisation: "customer" })).status).toBe(409);
    const member = await w.post("/members", { personId: newcomer.body.id, role: "customer_stakeholder", backupPersonId: person("ben") });
    expect(member.status).toBe(201);
    expect(member.body).toMatchObject({ name: "Zoe Quinn", role: "customer_stakeholder", backupName: "Ben Foster" });
    expect((await w.post("/members", { personId: newcomer.body.id, role: "customer_stakeholder" })).status).toBe(409);
    const changed = await w.patch(`/members/${member.body.id}`, { role: "customer_project_lead", backupPersonId: null });
    expect(changed.body).toMatchObject({ role: "customer_project_lead", backupPersonId: null });
    const ooo = await w.patch(`/people/${newcomer.body.id}`, { oooFrom: "2026-12-21", oooUntil: "2026-12-31" });
    expect(ooo.body).toMatchObject({ oooFrom: "2026-12-21", oooUntil: "2026-12-31" });
    const backwards = await w.patch(`/people/${newcomer.body.id}`, { oooFrom: "2026-12-21", oooUntil: "2026-12-01" });
    expect(backwards.body.error.fields).toEqual(["oooUntil: must be on or after oooFrom"]);
    const bad = await w.post("/members", { personId: "nope", role: "boss" });
    expect(bad.body.error.fields).toEqual(["personId: must be a valid id", expect.stringMatching(/^role: must be one of pm, im, se, /)]);
    expect((await w.del(`/members/${member.body.id}`)).status).toBe(204);
    const mine = people.body.members.find((m: { role: string }) => m.role === "pm");
    expect((await w.del(`/members/${mine.id}`)).status).toBe(409);
  });

  it("refuses another tenant (404) and a non-member (403) on every kind of record", async () => {
    const raid = demoId("raid_r01");
    const cr = demoId("cr_cr1");
    for (const [auth, status] of [[otherDana, 404], [kevin, 403]] as const) {
      expect((await w.get("/raid", auth)).status).toBe(status);
      expect((await w.post("/raid", { kind: "risk", title: "x" }, auth)).status).toBe(status);
      expect((await w.patch(`/raid/${raid}`, { version: 1, title: "x" }, auth)).status).toBe(status);
      expect((await w.get("/change-requests", auth)).status).toBe(status);
      expect((await w.post(`/change-requests/${cr}/decision`, { version: 1, decision: "approved" }, auth)).status).toBe(status);
      expect((await w.get("/support-cases", auth)).status).toBe(status);
      expect((await w.get("/vendors", auth)).status).toBe(status);
      expect((await w.get("/people", auth)).status).toBe(status);
      expect((await w.post("/members", { personId: demoId("person_kevin"), role: "pm" }, auth)).status).toBe(status);
    }
  });
});
