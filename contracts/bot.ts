import { z } from "zod";

// What Callbook reads of an incoming Bot Framework activity (Teams meeting events). Other fields
// pass through untouched; the bot answers 200 to activities it does not handle.

/** Event names Teams sends for meeting lifecycle (Microsoft Learn, "Meeting apps APIs": meeting events). */
export const meetingEventNames = {
  start: "application/vnd.microsoft.meetingStart",
  end: "application/vnd.microsoft.meetingEnd",
  participantJoin: "application/vnd.microsoft.meetingParticipantJoin",
} as const;

/** POST /api/messages body, as far as Callbook reads it. */
export const botActivity = z.looseObject({
  type: z.string().min(1, "must name the activity type"),
  name: z.string().optional(),
  serviceUrl: z.url("must be the connector's URL"),
  conversation: z.looseObject({ id: z.string().min(1), tenantId: z.string().optional() }),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: z.string() }).optional(),
      meeting: z.looseObject({ id: z.string() }).optional(),
    })
    .optional(),
  value: z.unknown().optional(),
});
export type BotActivityBody = z.output<typeof botActivity>;

/** `value` of a meetingParticipantJoin event: who joined. */
export const participantJoinValue = z.looseObject({
  members: z.array(z.looseObject({ user: z.looseObject({ aadObjectId: z.string().optional(), id: z.string().optional() }) })),
});

/** `value` of meetingStart / meetingEnd: the Teams meeting id (base64) among other fields. */
export const meetingEventValue = z.looseObject({ Id: z.string().min(1) });

/** GET /api/outbox/teams-cards: one card the bot posted or would post. */
export interface TeamsCardDto {
  meetingId: string;
  subject: string;
  kind: "recap_card" | "past_due_notice";
  /** "posted": in the meeting chat; "preview": what would be posted (no tenant, or not yet). */
  state: "posted" | "preview";
  summary: string;
  /** Who a targeted notice goes to (nobody else sees it); empty for the chat card. */
  recipients: { name: string; email: string }[];
  /** The Adaptive Card JSON; null for a notice (its content is a page of ours in a dialog). */
  card: Record<string, unknown> | null;
}
