import type { AppDeps } from "../../appDeps";
import { AppError } from "../../errors";
import { runAsTenant } from "../../db/tenantScope";
import type { RequestContext } from "../../http/requestContext";
import { updateItem } from "../capture/writeCapture";
import { findItem } from "../capture/captureQueries";
import { updateRaidItem } from "../workspace/updateRaidItem";
import * as t from "../../db/tables";
import { and, eq } from "drizzle-orm";
import type { LinkTarget } from "./resolveReminderLink";

type RaidRow = typeof t.raidItems.$inferSelect;
type ActionTarget = Extract<LinkTarget, { kind: "action" }>;

/** What a digest link changes on its action: mark it done, or move its due date (YYYY-MM-DD). */
export type LinkChange = { status: "closed" } | { dueDate: string };

const ATTEMPTS = 3;

/**
 * Applies a digest link's change to the action its person owns, as that person (their name in
 * the item's history, their audience), through the one versioned update: the capture path
 * (`updateItem`: meeting lock, live event, bus notice, so an open side panel shows it at once)
 * when the action was raised in a call, else the workspace path (`updateRaidItem`). The link
 * carries no version (its intent is absolute), so the current version is read and, when a
 * concurrent edit wins (409), read again: at most 3 tries, then the 409 is thrown.
 */
export async function changeActionFromLink(deps: AppDeps, target: ActionTarget, change: LinkChange, now: Date): Promise<RaidRow> {
  const { person, audience } = target;
  const tenantId = person.tenantId;
  const ctx: RequestContext = { tenantId, userId: `link:${person.id}`, email: person.email, name: person.name, personId: person.id, via: "dev", audience };
  const db = deps.database.db;
  return runAsTenant(
    tenantId,
    async () => {
      for (let attempt = 1; ; attempt++) {
        const current = await findItem(db, tenantId, target.item.id);
        if (!current) throw new AppError(404, "not_found", "Action not found");
        try {
          if (current.raisedInMeetingId) {
            return await updateItem(
              { database: deps.database, bus: deps.bus, ctx, meetingId: current.raisedInMeetingId, projectId: current.projectId, now },
              current.id,
              { version: current.version, ...change },
              (r) => r,
            );
          }
          const [project] = await db.select().from(t.projects).where(and(eq(t.projects.tenantId, tenantId), eq(t.projects.id, current.projectId))).limit(1);
          if (!project) throw new AppError(404, "not_found", "Project not found");
          return await updateRaidItem({ db, ctx, project, now }, current.id, current.version, change);
        } catch (e) {
          if (!(e instanceof AppError && e.status === 409) || attempt >= ATTEMPTS) throw e;
        }
      }
    },
    audience,
  );
}
