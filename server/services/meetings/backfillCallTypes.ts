import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../../db/database";
import * as t from "../../db/schema";
import { loadClassifierView, toMeeting } from "../../db/loadSnapshot";
import { withResolvedCallTypes } from "../../domain/resolveCallType";

/**
 * Stores the recognised call type of every meeting on a project that has none (issue 15 §1:
 * "a past call never changes type when the classifier changes"). Meetings stored before types
 * were stored at link time, and meetings the demo seed left untyped, otherwise fall back to the
 * classifier at read time. The type stored is exactly what read time resolves today
 * (`withResolvedCallTypes`: stored, else same series, else the classifier), so nothing a user
 * sees changes on the day it runs; overrides stay where they are, in their own column.
 *
 * Run once at start-up, after the migrations, outside any request (all tenants: the tenant
 * row-level policy lets a connection with no app.tenant_id through). Idempotent and safe when
 * instances start together: each update only fills a type that is still null. A meeting on no
 * project is left alone; it is typed when it is linked (storeRecognisedCallType).
 * Returns the number of meetings it typed.
 */
export async function backfillCallTypes(db: Db): Promise<number> {
  const pending = await db
    .selectDistinct({ tenantId: t.meetings.tenantId, projectId: t.meetings.projectId })
    .from(t.meetings)
    .where(and(isNull(t.meetings.callType), isNotNull(t.meetings.projectId)));
  let typed = 0;
  for (const { tenantId, projectId } of pending) {
    if (!projectId) continue;
    const [rows, [project, directory]] = await Promise.all([
      db.select().from(t.meetings).where(and(eq(t.meetings.tenantId, tenantId), eq(t.meetings.projectId, projectId))),
      loadClassifierView(db, tenantId, projectId),
    ]);
    const untyped = new Set(rows.filter((r) => r.callType === null).map((r) => r.id));
    const byType = new Map<string, string[]>();
    for (const m of withResolvedCallTypes(rows.map(toMeeting), project, directory)) {
      if (!untyped.has(m.id) || m.callType === null) continue;
      byType.set(m.callType, [...(byType.get(m.callType) ?? []), m.id]);
    }
    for (const [callType, ids] of byType) {
      const updated = await db
        .update(t.meetings)
        .set({ callType })
        .where(and(eq(t.meetings.tenantId, tenantId), inArray(t.meetings.id, ids), isNull(t.meetings.callType)))
        .returning({ id: t.meetings.id });
      typed += updated.length;
    }
  }
  return typed;
}
