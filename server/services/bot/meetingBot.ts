import { randomUUID } from "node:crypto";
import { and, asc, eq, gte, isNotNull, lt, or } from "drizzle-orm";
import type { Logger } from "pino";
import type { Db } from "../../db/database";
import * as t from "../../db/tables";
import type { LiveBus } from "../../live/liveBus";
import type { Clock } from "../../clock";
import type { ConnectorClient, ConnectorMember } from "../../bot/connectorClient";
import { buildRecapCard, dialogDeepLink, pastDueTitle } from "../../domain/bot/meetingCards";
import { readStageCapture } from "../stage/readStage";
import { AppError, notFound } from "../../errors";
import { loadProjectDirectory } from "../../db/loadSnapshot";
import { meetingChatZones } from "../../domain/recap/recapZone";
import { zonedDateTime, zonedSpanAcross } from "../../domain/recap/zonedDateTime";
import { EASTERN_TIME_ZONE } from "../../domain/zonedTime";
import { isoDate } from "./isoDate";

// The meeting's life in Teams (issue 18): a targeted notice to each internal attendee who owns
// past-due actions when the meeting starts (and to later joiners), a customer-safe recap card
// in the meeting chat when it ends, kept up to date in place while its items change.

export interface MeetingBotDeps {
  db: Db;
  /** null: outbox mode (no tenant): what would be sent is stored with delivered = "outbox". */
  connector: ConnectorClient | null;
  bus: LiveBus;
  clock: Clock;
  logger: Logger;
  /** The Teams app id (manifest `id`): dialog deep links open our page in a Teams dialog. */
  teamsAppId: string;
  /** Where Teams loads our pages (https://<TAB_DOMAIN>). */
  publicUrl: string;
}

/** A meeting event as the route hands it over (already verified). */
export interface MeetingEvent {
  tenantId: string;
  serviceUrl: string;
  /** The meeting chat's conversation id ("19:meeting_…@thread.v2"). */
  conversationId: string;
  /** Teams meeting id (base64) for the notification API. */
  teamsMeetingId: string;
}

export interface MeetingBot {
  meetingStarted(event: MeetingEvent): Promise<void>;
  /** `joinedAadIds`: the Entra object ids of the people who just joined. */
  participantsJoined(event: MeetingEvent, joinedAadIds: readonly string[]): Promise<void>;
  meetingEnded(event: MeetingEvent): Promise<void>;
  /** Rebuilds the meeting's recap card and updates it in place when it changed. */
  refreshRecapCard(tenantId: string, meetingId: string): Promise<void>;
  /**
   * After a (re)start: watches again every recap card posted through the connector for a meeting
   * that ended within LIVE_CARD_DAYS of now (the activity ids are in `bot_posts`, so they outlive the
   * process), and brings each card up to date once (changes made while the server was down).
   * Resolves with the number of cards watched; a card whose update fails is logged and still watched.
   */
  resume(): Promise<number>;
  close(): void;
}

/** How long after its meeting ended a recap card is still kept live (watched again after a restart). */
export const LIVE_CARD_DAYS = 30;

/** Builds the bot service. */
export function createMeetingBot(deps: MeetingBotDeps): MeetingBot {
  const { db } = deps;
  const watching = new Map<string, () => void>();

  async function linkedMeeting(tenantId: string, conversationId: string) {
    const [row] = await db
      .select()
      .from(t.meetings)
      .where(and(eq(t.meetings.tenantId, tenantId), or(eq(t.meetings.chatId, conversationId), eq(t.meetings.joinThreadKey, conversationId))))
      .limit(1);
    return row?.projectId ? row : null;
  }

  async function notifyPastDue(event: MeetingEvent, only: ReadonlySet<string> | null) {
    const meeting = await linkedMeeting(event.tenantId, event.conversationId);
    if (!meeting) return;
    const owners = await pastDueOwners(db, meeting, deps.clock());
    if (owners.size === 0) return;
    const members: ConnectorMember[] = deps.connector ? await deps.connector.members(event.serviceUrl, event.conversationId) : [];
    for (const member of members) {
      const email = (member.email ?? member.userPrincipalName ?? "").toLowerCase();
      const owner = owners.get(email);
      const aadId = member.aadObjectId;
      if (!owner || !aadId || (only && !only.has(aadId.toLowerCase()))) continue;
      const title = pastDueTitle(owner.titles);
      const url = `${deps.publicUrl}/meetings/${meeting.id}?view=past-due`;
      const card = { title, url, height: 400, width: 600 };
      const inserted = await db
        .insert(t.botPosts)
        .values({
          id: randomUUID(),
          tenantId: event.tenantId,
          meetingId: meeting.id,
          kind: "past_due_notice",
          recipientKey: aadId.toLowerCase(),
          conversationId: event.conversationId,
          serviceUrl: event.serviceUrl,
          delivered: deps.connector ? "connector" : "outbox",
          recipients: [{ name: owner.name, email: owner.email }],
          summary: title,
          card,
        })
        .onConflictDoNothing()
        .returning({ id: t.botPosts.id });
      const row = inserted[0];
      if (!row || !deps.connector) continue;
      try {
        await deps.connector.notify(event.serviceUrl, event.teamsMeetingId, {
          type: "targetedMeetingNotification",
          value: { recipients: [aadId], surfaces: [{ surface: "meetingStage", contentType: "task", content: { value: card } }] },
        });
      } catch (err) {
        // Not delivered: forget the row so the next join event tries again.
        await db.delete(t.botPosts).where(and(eq(t.botPosts.tenantId, event.tenantId), eq(t.botPosts.id, row.id)));
        throw err;
      }
    }
  }

  function watch(tenantId: string, meetingId: string) {
    if (watching.has(meetingId)) return;
    const stop = deps.bus.subscribe(meetingId, () => {
      bot.refreshRecapCard(tenantId, meetingId).catch((err: unknown) => deps.logger.warn({ err, meetingId }, "recap card update failed"));
    });
    watching.set(meetingId, stop);
  }

  const bot: MeetingBot = {
    meetingStarted: (event) => notifyPastDue(event, null),
    participantsJoined: (event, ids) => notifyPastDue(event, new Set(ids.map((i) => i.toLowerCase()))),

    async meetingEnded(event) {
      const meeting = await linkedMeeting(event.tenantId, event.conversationId);
      if (!meeting) return;
      let built;
      try {
        built = await composeRecapCard(db, event.tenantId, meeting.id, deps);
      } catch (err) {
        // An internal meeting (403 for the customer-safe reader): its chat gets no card.
        if (err instanceof AppError && err.status === 403) return;
        throw err;
      }
      const [existing] = await db
        .select()
        .from(t.botPosts)
        .where(and(eq(t.botPosts.tenantId, event.tenantId), eq(t.botPosts.meetingId, meeting.id), eq(t.botPosts.kind, "recap_card")));
      if (existing) {
        await bot.refreshRecapCard(event.tenantId, meeting.id);
      } else {
        const activityId = deps.connector ? await deps.connector.sendCard(event.serviceUrl, event.conversationId, built.card, built.summary) : null;
        await db
          .insert(t.botPosts)
          .values({
            id: randomUUID(),
            tenantId: event.tenantId,
            meetingId: meeting.id,
            kind: "recap_card",
            conversationId: event.conversationId,
            serviceUrl: event.serviceUrl,
            activityId,
            delivered: deps.connector ? "connector" : "outbox",
            summary: built.summary,
            card: built.card as unknown as Record<string, unknown>,
          })
          .onConflictDoNothing();
      }
      watch(event.tenantId, meeting.id);
    },

    async refreshRecapCard(tenantId, meetingId) {
      const [post] = await db
        .select()
        .from(t.botPosts)
        .where(and(eq(t.botPosts.tenantId, tenantId), eq(t.botPosts.meetingId, meetingId), eq(t.botPosts.kind, "recap_card")));
      const [meeting] = await db.select({ subject: t.meetings.subject }).from(t.meetings).where(and(eq(t.meetings.tenantId, tenantId), eq(t.meetings.id, meetingId)));
      if (!post || !meeting) return;
      const built = await composeRecapCard(db, tenantId, meetingId, deps);
      if (JSON.stringify(built.card) === JSON.stringify(post.card)) return;
      if (deps.connector && post.activityId) await deps.connector.updateCard(post.serviceUrl, post.conversationId, post.activityId, built.card, built.summary);
      await db
        .update(t.botPosts)
        .set({ card: built.card as unknown as Record<string, unknown>, summary: built.summary, updatedAt: new Date().toISOString() })
        .where(and(eq(t.botPosts.tenantId, tenantId), eq(t.botPosts.id, post.id)));
    },

    async resume() {
      const since = new Date(deps.clock().getTime() - LIVE_CARD_DAYS * 86_400_000).toISOString();
      // System work: no tenant scope, so every tenant's cards are read (row-level security allows it outside requests).
      const posts = await db
        .select({ tenantId: t.botPosts.tenantId, meetingId: t.botPosts.meetingId })
        .from(t.botPosts)
        .innerJoin(t.meetings, and(eq(t.meetings.tenantId, t.botPosts.tenantId), eq(t.meetings.id, t.botPosts.meetingId)))
        .where(and(eq(t.botPosts.kind, "recap_card"), eq(t.botPosts.delivered, "connector"), isNotNull(t.botPosts.activityId), gte(t.meetings.endsAt, since)));
      for (const p of posts) {
        watch(p.tenantId, p.meetingId);
        await bot.refreshRecapCard(p.tenantId, p.meetingId).catch((err: unknown) => deps.logger.warn({ err, meetingId: p.meetingId }, "recap card update failed"));
      }
      return posts.length;
    },

    close() {
      for (const stop of watching.values()) stop();
      watching.clear();
    },
  };
  return bot;
}

/**
 * Open actions due before `now`'s UTC date, owned by the meeting's internal attendees (people of
 * organisation "internal" whose address is on the invite), by lower-cased e-mail; titles in due order.
 */
export async function pastDueOwners(db: Db, meeting: { tenantId: string; projectId: string | null; attendees: { email: string }[] }, now: Date) {
  if (!meeting.projectId) return new Map<string, { email: string; name: string; titles: string[] }>();
  const attendees = new Set(meeting.attendees.map((a) => a.email.toLowerCase()));
  const rows = await db
    .select({ title: t.raidItems.title, email: t.people.email, name: t.people.name, organisation: t.people.organisation })
    .from(t.raidItems)
    .innerJoin(t.people, and(eq(t.people.tenantId, t.raidItems.tenantId), eq(t.people.id, t.raidItems.ownerId)))
    .where(
      and(
        eq(t.raidItems.tenantId, meeting.tenantId),
        eq(t.raidItems.projectId, meeting.projectId),
        eq(t.raidItems.kind, "action"),
        eq(t.raidItems.status, "open"),
        lt(t.raidItems.dueDate, isoDate(now)),
      ),
    )
    .orderBy(asc(t.raidItems.dueDate), asc(t.raidItems.title));
  const byOwner = new Map<string, { email: string; name: string; titles: string[] }>();
  for (const r of rows) {
    const email = r.email.toLowerCase();
    if (r.organisation !== "internal" || !attendees.has(email)) continue;
    const entry = byOwner.get(email) ?? { email: r.email, name: r.name, titles: [] };
    entry.titles.push(r.title);
    byOwner.set(email, entry);
  }
  return byOwner;
}

/**
 * The recap card of a meeting as the chat would get it: the customer-safe capture (the stage
 * reader: throws 403 AppError for an internal meeting), its items and the carried-over ones, and a
 * "Review and send" dialog link. `ended`: Teams said the meeting ended, or its scheduled end is
 * past (the preview); otherwise the card says "So far", not "Recap ready".
 */
export async function composeRecapCard(db: Db, tenantId: string, meetingId: string, where: { teamsAppId: string; publicUrl: string }, ended = true) {
  const capture = await readStageCapture(db, { tenantId, meetingId });
  const call = await recapCardWhen(db, tenantId, meetingId);
  const review = dialogDeepLink(where.teamsAppId, `${where.publicUrl}/meetings/${meetingId}`, `Recap: ${capture.subject} — ${call.longDate}`);
  return buildRecapCard({ subject: capture.subject, when: call.when, items: capture.items, carriedOver: capture.carriedOver, ended, reviewUrl: review });
}

/**
 * The call's date and time for its recap card, in the zone the e-mail recap's rule picks with the
 * invitees as readers and the organiser as sender (domain/recap/recapZone.ts meetingChatZones; US
 * Eastern when neither is known): `when` "Mon 16 Nov 2026, 14:45–15:30 EST (New York) · …", and
 * `longDate` "Mon 16 Nov 2026" (the dialog's title, like the e-mail's subject). Throws 404 AppError
 * for an unknown or unlinked meeting.
 */
async function recapCardWhen(db: Db, tenantId: string, meetingId: string): Promise<{ when: string; longDate: string }> {
  const [meeting] = await db.select().from(t.meetings).where(and(eq(t.meetings.tenantId, tenantId), eq(t.meetings.id, meetingId))).limit(1);
  const [project] = meeting?.projectId
    ? await db.select().from(t.projects).where(and(eq(t.projects.tenantId, tenantId), eq(t.projects.id, meeting.projectId))).limit(1)
    : [];
  if (!meeting || !project) throw notFound("Meeting");
  const { people } = await loadProjectDirectory(db, tenantId, project);
  const zones = meetingChatZones({ attendees: meeting.attendees, organizerEmail: meeting.organizerEmail, people, fallbackZone: EASTERN_TIME_ZONE });
  return {
    when: zonedSpanAcross(meeting.startsAt, meeting.endsAt, zones.timeZone, zones.alsoIn),
    longDate: zonedDateTime(meeting.startsAt, zones.timeZone).longDate,
  };
}

