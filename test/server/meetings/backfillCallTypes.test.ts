import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import * as t from "../../../server/db/schema";
import { loadClassifierView, loadProjectMeetings, toMeeting } from "../../../server/db/loadSnapshot";
import { withResolvedCallTypes } from "../../../server/domain/resolveCallType";
import { backfillCallTypes } from "../../../server/services/meetings/backfillCallTypes";
import { databaseKinds, openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { demoProjectId } from "../../support/testApp";
import { DEMO_TENANT_ID, INTERNAL_DOMAIN } from "../../../server/db/demo/demoPeople";

// Issue 15 §1: meetings stored without a call type (before types were stored at link time; the
// demo's upcoming calls) get their recognised type stored once at start-up, so a call keeps its
// type when what the classifier reads of it changes later.

describe.each(databaseKinds)("backfilling stored call types (%s)", (kind) => {
  let tdb: TestDatabase | undefined;
  beforeAll(async () => {
    tdb = await openTestDatabase(kind);
  }, 120_000);
  afterAll(async () => {
    await tdb?.drop();
  });

  it("stores what each untyped meeting reads as today, keeps it when the classifier's input changes, and runs once", async () => {
    if (!tdb) throw new Error("no database");
    const db = tdb.database.db;
    const projectId = demoProjectId();
    const untyped = await db
      .select()
      .from(t.meetings)
      .where(and(eq(t.meetings.tenantId, DEMO_TENANT_ID), eq(t.meetings.projectId, projectId), isNull(t.meetings.callType)));
    expect(untyped.length).toBeGreaterThan(1);
    const shownBefore = new Map((await loadProjectMeetings(db, DEMO_TENANT_ID, projectId)).map((m) => [m.id, m.callType]));

    expect(await backfillCallTypes(db)).toBe(untyped.length);
    const stored = await db.select().from(t.meetings).where(and(eq(t.meetings.tenantId, DEMO_TENANT_ID), eq(t.meetings.projectId, projectId)));
    for (const row of stored) expect([row.id, row.callType]).toEqual([row.id, shownBefore.get(row.id)]);

    // The classifier's input changes: an upcoming customer call loses its customer attendees and is renamed.
    const customerCall = stored.find((r) => untyped.some((u) => u.id === r.id) && r.callType === "customer_status");
    if (!customerCall) throw new Error("the demo has no untyped upcoming customer call");
    const edited = { ...customerCall, subject: "Riverbend sync", attendees: customerCall.attendees.filter((a) => a.email.endsWith(`@${INTERNAL_DOMAIN}`)) };
    await db.update(t.meetings).set({ subject: edited.subject, attendees: edited.attendees }).where(eq(t.meetings.id, customerCall.id));
    const [project, directory] = await loadClassifierView(db, DEMO_TENANT_ID, projectId);
    const reclassified = withResolvedCallTypes([{ ...toMeeting(edited), callType: null }], project, directory)[0];
    expect(reclassified?.callType).not.toBe("customer_status"); // without the stored type the call would change type
    const after = (await loadProjectMeetings(db, DEMO_TENANT_ID, projectId)).find((m) => m.id === customerCall.id);
    expect(after?.callType).toBe("customer_status");

    expect(await backfillCallTypes(db)).toBe(0);
  });
});
