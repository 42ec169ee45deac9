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

/** One thing the bot posted or would post (GET /api/outbox/bot-posts). */
export interface BotPostDto {
  id: string;
  meetingId: string;
  kind: "recap_card" | "past_due_notice";
  delivered: "connector" | "outbox";
  summary: string;
  recipients: { name: string; email: string }[];
  card: Record<string, unknown>;
  updatedAt: string;
}
