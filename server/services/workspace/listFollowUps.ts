import { randomUUID } from "node:crypto";
import * as t from "../../db/tables";
import { loadProjectMeetings, loadSnapshot } from "../../db/loadSnapshot";
import { dueFollowUps } from "../../domain/dueFollowUps";
import { followUpZone } from "../../domain/followUpZone";
import type { FollowUpKind } from "../../../contracts/followUps";
import { lastSentOf } from "./projectWorkspace";
import type { Scope } from "./projectScope";

/** The project's follow-ups due at `s.now` (in the project's follow-up zone) and when each kind was last sent. */
export async function listFollowUps(s: Scope) {
  const { db } = s;
  const [snapshot, meetings, lastSent] = await Promise.all([
    loadSnapshot(db, s.ctx.tenantId, s.project),
    loadProjectMeetings(db, s.ctx.tenantId, s.project.id),
    lastSentOf(db, s.ctx.tenantId, s.project.id),
  ]);
  return { followUps: dueFollowUps(snapshot, meetings, s.now, lastSent, followUpZone(snapshot)), lastSent };
}

/** Records a follow-up of `kind` as sent at `sentAt` (ISO instant) by the caller; the follow-ups due afterwards. */
export async function recordFollowUpSent(s: Scope, kind: FollowUpKind, sentAt: string) {
  await s.db.insert(t.followUpLog).values({ id: randomUUID(), tenantId: s.ctx.tenantId, projectId: s.project.id, kind, sentAt, sentBy: s.ctx.name });
  return (await listFollowUps(s)).followUps;
}
