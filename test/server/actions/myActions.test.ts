import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import * as t from "../../../server/db/tables";
import { demoId } from "../../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import type { MyActionDto } from "../../../contracts/myActions";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { buildTestApp, demoMeetingId, devAuth } from "../../support/testApp";

// "My actions" (issue 17 §6): a person's own actions across all of their projects; customer-safe
// for customers and vendors.

const person = (key: string) => demoId(`person_${key}`, DEMO_TENANT_ID);
const SECOND_PROJECT = "7e0c4a52-64b2-4c5e-9d0e-2f6b1f3a9c11";
const HIDDEN = "Internal only: check Meridian's invoice before we pay";

describe.each(databaseKinds)("my actions on %s", (kind) => {
  let tdb: TestDatabase;
  let app: Express;
  const mine = async (who: string) => {
    const r = await request(app).get("/api/actions/mine").set("Authorization", devAuth(who));
    expect(r.status).toBe(200);
    return r.body.actions as MyActionDto[];
  };

  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
    app = buildTestApp(tdb.database);
    const db = tdb.database.db;
    // A second project of the tenant where Ben is a member and owns a late action.
    await db.insert(t.projects).values({ id: SECOND_PROJECT, tenantId: DEMO_TENANT_ID, name: "Riverbend water portal", customerName: "Riverbend Utilities" });
    await db.insert(t.projectMembers).values({ id: "7e0c4a52-64b2-4c5e-9d0e-2f6b1f3a9c12", tenantId: DEMO_TENANT_ID, projectId: SECOND_PROJECT, personId: person("ben"), role: "customer_stakeholder" });
    await db.insert(t.raidItems).values([
      { id: "7e0c4a52-64b2-4c5e-9d0e-2f6b1f3a9c13", tenantId: DEMO_TENANT_ID, projectId: SECOND_PROJECT, kind: "action", title: "Send the water meter reading file", ownerId: person("ben"), dueDate: "2026-11-10", status: "open" },
      // Dana's, in a project she is not a member of: the project wall keeps it out of her list.
      { id: "7e0c4a52-64b2-4c5e-9d0e-2f6b1f3a9c14", tenantId: DEMO_TENANT_ID, projectId: SECOND_PROJECT, kind: "action", title: "Book the portal go-live call", ownerId: person("dana"), dueDate: "2026-11-25", status: "open" },
      // Internal only, owned by a vendor's person: never in her list.
      { id: "7e0c4a52-64b2-4c5e-9d0e-2f6b1f3a9c15", tenantId: DEMO_TENANT_ID, projectId: demoId("project", DEMO_TENANT_ID), kind: "action", title: HIDDEN, ownerId: person("alicia"), dueDate: "2026-11-24", status: "open", internalOnly: true },
    ]);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it("lists a customer's own actions across both of their projects, late first", async () => {
    const actions = await mine("ben");
    expect(actions.map((a) => [a.projectName, a.title, a.dueDate, a.pastDue])).toEqual([
      ["Riverbend water portal", "Send the water meter reading file", "2026-11-10", true],
      ["Riverbend Utilities e-billing implementation", "Share UAT test account list", "2026-11-20", false],
    ]);
  });

  it("gives a vendor's person only customer-safe items, with the call they came from", async () => {
    const actions = await mine("alicia");
    expect(actions.map((a) => a.title)).toEqual(["Meridian to send the returned-payment file spec"]);
    expect(actions[0]?.meeting).toMatchObject({ id: demoMeetingId("m_cust_prev"), subject: "Riverbend weekly status" });
    expect(JSON.stringify(actions)).not.toContain(HIDDEN);
  });

  it("gives an internal person their internal-only actions too and recently closed ones, from their projects only", async () => {
    expect((await mine("nina")).map((a) => [a.title, a.internalOnly])).toEqual([["Ask product for multi-account autopay enhancement", true]]);
    expect((await mine("dana")).map((a) => [a.title, a.status])).toEqual([["Old action: send kick-off deck", "closed"]]);
  });

  it("needs a sign-in", async () => {
    expect((await request(app).get("/api/actions/mine")).status).toBe(401);
  });
});
