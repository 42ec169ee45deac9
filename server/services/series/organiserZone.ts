import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import * as t from "../../db/schema";
import { identityOf } from "../../graph/identityOf";
import type { MailboxSchedule } from "../../graph/MailCalendarGateway";
import type { RequestContext } from "../../http/requestContext";

/**
 * The signed-in organiser's own IANA zone: their person record's, else (connected to Microsoft
 * 365) their mailboxSettings, which is then stored on the record. Null when unknown: callers
 * fall back to US Eastern, the runbook's zone. A mailbox that cannot be read does not block.
 */
export async function organiserZone(deps: AppDeps, ctx: RequestContext): Promise<string | null> {
  if (!ctx.personId) return null;
  const { db } = deps.database;
  const [row] = await db
    .select({ timeZone: t.people.timeZone })
    .from(t.people)
    .where(and(eq(t.people.tenantId, ctx.tenantId), eq(t.people.id, ctx.personId)));
  if (row?.timeZone) return row.timeZone;
  if (deps.mailMode !== "graph" || !ctx.token) return null;
  try {
    const settings = await deps.mail(ctx, { projectId: null }).getMailboxSettings(identityOf(ctx));
    if (!settings?.timeZone) return null;
    const hours = settings.workingHours;
    await db
      .update(t.people)
      .set({
        timeZone: settings.timeZone,
        timeZoneSource: "mailbox_settings",
        ...(hours ? { workingHours: { startTime: hours.startTime, endTime: hours.endTime, daysOfWeek: hours.daysOfWeek } } : {}),
      })
      .where(and(eq(t.people.tenantId, ctx.tenantId), eq(t.people.id, ctx.personId)));
    return settings.timeZone;
  } catch {
    return null;
  }
}

/**
 * Stores each colleague's zone and working hours from their getSchedule answer, unless someone
 * entered the zone by hand on the people page.
 */
export async function rememberScheduleZones(deps: AppDeps, ctx: RequestContext, schedules: Map<string, MailboxSchedule>): Promise<void> {
  const { db } = deps.database;
  for (const s of schedules.values()) {
    const hours = s.workingHours;
    if (!hours?.timeZone) continue;
    await db
      .update(t.people)
      .set({ timeZone: hours.timeZone, timeZoneSource: "schedule", workingHours: { startTime: hours.startTime, endTime: hours.endTime, daysOfWeek: hours.daysOfWeek } })
      .where(
        and(
          eq(t.people.tenantId, ctx.tenantId),
          eq(sql`lower(${t.people.email})`, s.email),
          or(isNull(t.people.timeZoneSource), ne(t.people.timeZoneSource, "entered")),
        ),
      );
  }
}
