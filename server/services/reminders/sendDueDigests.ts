import { createHash } from "node:crypto";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { AppDeps } from "../../appDeps";
import * as t from "../../db/tables";
import { buildDigest, localDateOf, DEFAULT_REGION, DEFAULT_TIME_ZONE, type Digest, type ReminderAction, type ReminderPerson } from "../../domain/reminders/buildDigest";
import { easternDateOf } from "../../domain/queue/easternDay";
import { loadPublicHolidays } from "./publicHolidays";
import { weekdayOf } from "../../domain/isoDates";
import { escapeHtml } from "../../../contracts/escapeHtml";
import { identityOf } from "../../graph/identityOf";
import type { RequestContext } from "../../http/requestContext";
import { linkExpiry, reminderLink } from "./signReminderLink";
import { unattendedSenderFor } from "./unattendedSender";
import { ReconnectRequired } from "../../auth/consentErrors";
import type { MailCalendarGateway } from "../../graph/MailCalendarGateway";
import type { RequestIdentity } from "../../auth/verifyTeamsToken";

export interface DigestRunOptions {
  /** Key of the signed links (mark done, move the date, mute). */
  linkSecret: string;
  /** Public address of Callbook, for the links. */
  baseUrl: string;
  leadWorkingDays?: number;
}

export interface DigestRunResult {
  /** Digests this run sent. */
  sent: number;
  /** Owners whose digest for their local date already existed (sent by an earlier or parallel run). */
  alreadySent: number;
  /** Digests held because the sending PM must reconnect (stored consent refused): kept "failed" with the reason, retried each run. */
  waitingForReconnect: number;
}

/** Name-based uuid of (tenant, person, local date): the digest's outbox id. */
function digestId(tenantId: string, personId: string, localDate: string): string {
  const h = createHash("sha1").update(`callbook-digest\n${tenantId}\n${personId}\n${localDate}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

function render(d: Digest, tenantId: string, o: DigestRunOptions, now: Date): { text: string; html: string } {
  // Links expire LINK_LIFETIME_DAYS after the digest is made.
  const expiresAt = linkExpiry(now);
  const link = (action: "done" | "move" | "mute", targetId: string) => reminderLink(o.baseUrl, { action, tenantId, personId: d.person.id, targetId, expiresAt }, o.linkSecret);
  const line = (l: Digest["lines"][number]) =>
    `${l.title} | ${l.projectName} | due ${l.dueDate}${l.pastDue ? " (past due)" : ""}${l.callSubject ? ` | from "${l.callSubject}"${l.callDate ? ` on ${l.callDate}` : ""}` : ""}`;
  const projects = [...new Map(d.lines.map((l) => [l.projectId, l.projectName])).entries()];
  const text = [
    `Hello ${d.person.name},`,
    "Your open actions:",
    ...d.lines.map((l) => `- ${line(l)}\n  Mark done: ${link("done", l.id)}\n  Move the date: ${link("move", l.id)}`),
    ...projects.map(([id, name]) => `Stop reminders for ${name}: ${link("mute", id)}`),
  ].join("\n\n");
  const html = [
    '<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;">',
    `<p>Hello ${escapeHtml(d.person.name)},</p><p>Your open actions:</p><ul>`,
    ...d.lines.map((l) => `<li>${escapeHtml(line(l))} — <a href="${escapeHtml(link("done", l.id))}">Mark done</a> · <a href="${escapeHtml(link("move", l.id))}">Move the date</a></li>`),
    "</ul>",
    ...projects.map(([id, name]) => `<p style="font-size:12px;"><a href="${escapeHtml(link("mute", id))}">Stop reminders for ${escapeHtml(name)}</a></p>`),
    "</body></html>",
  ].join("");
  return { text, html };
}

/**
 * The reminder job's handler: for every owner of open, dated actions, the digest of their local
 * date at `now` (buildDigest), sent at most once per person per local date. The guarantee is the
 * unique key (tenant, person, local date) on outbox_items: the row is inserted first, and only the
 * run whose insert wins sends; a row left "sending" by a crashed run is sent again under the same
 * id (the outbox and Graph gateways are idempotent by id). Safe to run repeatedly and from several
 * instances. Runs as system work (no tenant set: every tenant).
 */
export async function sendDueDigests(deps: AppDeps, now: Date, options: DigestRunOptions): Promise<DigestRunResult> {
  const { db } = deps.database;
  const r = t.raidItems;
  const rows = await db
    .select({ item: r, projectName: t.projects.name, callSubject: t.meetings.subject, callStartsAt: t.meetings.startsAt })
    .from(r)
    .innerJoin(t.projects, eq(t.projects.id, r.projectId))
    .leftJoin(t.meetings, eq(t.meetings.id, r.raisedInMeetingId))
    .where(and(eq(r.kind, "action"), eq(r.status, "open"), isNotNull(r.ownerId), isNotNull(r.dueDate)));
  const result: DigestRunResult = { sent: 0, alreadySent: 0, waitingForReconnect: 0 };
  const byTenant = new Map<string, typeof rows>();
  for (const row of rows) byTenant.set(row.item.tenantId, [...(byTenant.get(row.item.tenantId) ?? []), row]);
  for (const [tenantId, tenantRows] of byTenant) {
    const actions: ReminderAction[] = tenantRows.map(({ item, projectName, callSubject, callStartsAt }) => ({
      id: item.id,
      projectId: item.projectId,
      projectName,
      title: item.title,
      dueDate: item.dueDate ?? "",
      ownerId: item.ownerId ?? "",
      internalOnly: item.internalOnly,
      callSubject: callSubject ?? null,
      callDate: callStartsAt ? easternDateOf(new Date(callStartsAt)) : null,
    }));
    const ownerIds = [...new Set(actions.map((a) => a.ownerId))];
    const [people, mutes] = await Promise.all([
      db.select().from(t.people).where(and(eq(t.people.tenantId, tenantId), inArray(t.people.id, ownerIds))),
      db.select().from(t.reminderMutes).where(and(eq(t.reminderMutes.tenantId, tenantId), inArray(t.reminderMutes.personId, ownerIds))),
    ]);
    // buildDigest asks the holiday calendar only on someone's weekday: no weekday, no date-holidays loaded.
    const weekdayFor = people.some((p) => ![0, 6].includes(weekdayOf(localDateOf(now, p.timeZone ?? DEFAULT_TIME_ZONE))));
    const isPublicHoliday = weekdayFor ? await loadPublicHolidays() : () => false;
    for (const p of people) {
      const person: ReminderPerson = { id: p.id, name: p.name, email: p.email, organisation: p.organisation, timeZone: p.timeZone ?? DEFAULT_TIME_ZONE, region: DEFAULT_REGION };
      const muted = new Set(mutes.filter((m) => m.personId === p.id).map((m) => m.projectId));
      const digest = buildDigest(person, actions, now, muted, isPublicHoliday, options.leadWorkingDays);
      if (!digest) continue;
      const outcome = await sendDigest(deps, tenantId, digest, now, options);
      if (outcome === "sent") result.sent += 1;
      else if (outcome === "waiting") result.waitingForReconnect += 1;
      else result.alreadySent += 1;
    }
  }
  return result;
}

/**
 * Claims (tenant, person, local date) in the outbox and sends: "already" when another run holds a
 * sent claim, "waiting" when Graph mode's sending PM must reconnect (the row says so and the next
 * run tries again). In Graph mode the digest goes from the PM's mailbox through their stored
 * consent (deps.unattended); in outbox mode from the reminders address.
 */
async function sendDigest(deps: AppDeps, tenantId: string, digest: Digest, now: Date, options: DigestRunOptions): Promise<"sent" | "already" | "waiting"> {
  const { db } = deps.database;
  const id = digestId(tenantId, digest.person.id, digest.localDate);
  const { text, html } = render(digest, tenantId, options, now);
  const pm = deps.unattended ? await unattendedSenderFor(db, tenantId, digest.projectIds) : null;
  const sender = pm ?? { name: "Callbook reminders", email: `reminders@${digest.person.email.split("@")[1] ?? "callbook.local"}` };
  const claimed = await db
    .insert(t.outboxItems)
    .values({
      id,
      tenantId,
      kind: "message",
      subject: digest.subject,
      fromEmail: sender.email,
      recipients: [{ name: digest.person.name, email: digest.person.email, type: "to" }],
      html,
      text,
      status: "sending",
      createdBy: sender.name,
      createdAt: now.toISOString(),
      reminderPersonId: digest.person.id,
      reminderLocalDate: digest.localDate,
      reminderProjectIds: digest.projectIds,
    })
    .onConflictDoNothing()
    .returning({ id: t.outboxItems.id });
  let held = false;
  if (claimed.length === 0) {
    const [existing] = await db.select({ status: t.outboxItems.status }).from(t.outboxItems).where(and(eq(t.outboxItems.tenantId, tenantId), eq(t.outboxItems.id, id)));
    if (!existing || existing.status === "sent") return "already";
    held = existing.status === "failed";
  }
  const where = and(eq(t.outboxItems.tenantId, tenantId), eq(t.outboxItems.id, id));
  let gateway: MailCalendarGateway;
  let identity: RequestIdentity;
  if (deps.unattended) {
    if (!pm) {
      await db.update(t.outboxItems).set({ status: "failed", error: "No project manager to send from: the digest's projects have no PM" }).where(where);
      return "waiting";
    }
    gateway = deps.unattended.mail;
    identity = { tenantId, userId: pm.personId, name: pm.name, email: pm.email, token: "" };
  } else {
    const ctx: RequestContext = { tenantId, userId: "system:reminders", email: sender.email, name: sender.name, personId: null, via: "dev" };
    gateway = deps.mail(ctx, { projectId: null });
    identity = identityOf(ctx);
  }
  try {
    const sent = await gateway.sendRecap(identity, {
      recapId: id,
      to: [{ name: digest.person.name, email: digest.person.email }],
      cc: [],
      subject: digest.subject,
      html,
      text,
      onDraftCreated: async (draftId) => {
        await db.update(t.outboxItems).set({ graphId: draftId }).where(where);
      },
    });
    await db.update(t.outboxItems).set({ status: "sent", sentAt: sent.sentAt, graphId: sent.messageId, error: null }).where(where);
  } catch (error) {
    if (!(error instanceof ReconnectRequired)) throw error;
    await db
      .update(t.outboxItems)
      .set({ status: "failed", error: `Waiting for ${sender.name} to reconnect Callbook to Microsoft 365 (${error.reason})` })
      .where(where);
    deps.logger.warn({ event: "digest_waiting_for_reconnect", personId: error.personId, reason: error.reason }, "digest held: the PM must reconnect");
    return "waiting";
  }
  // A row left "sending" by a crashed run was counted by that run; a held ("failed") one was not.
  return claimed.length > 0 || held ? "sent" : "already";
}
