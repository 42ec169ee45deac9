import { z } from "zod";
import { callTypes, type CallType, type Rag } from "./types";
import { isoDateTime } from "./common";
import { threadOfTeamsMeetingId } from "./teamsMeetingLink";

/** A teams-js context `meeting.id`: base64 of "<n>#<thread>#<message>", refused when it holds no Teams thread. */
const teamsContextMeetingId = z
  .string()
  .trim()
  .min(1, "is required")
  .max(1000)
  .refine((v) => threadOfTeamsMeetingId(v) !== null, { message: "is not a Teams meeting id" });

export const listMeetingsQuery = z
  .object({
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const setCallTypeBody = z
  .object({
    /** null clears the override and goes back to the classifier. */
    callType: z.enum(callTypes, { message: `must be one of ${callTypes.join(", ")}` }).nullable(),
  })
  .strict();
export type SetCallTypeBody = z.infer<typeof setCallTypeBody>;

export interface MeetingSummary {
  id: string;
  subject: string;
  startsAt: string;
  endsAt: string;
  projectId: string | null;
  projectName: string | null;
  callType: CallType;
  callTypeLabel: string;
  confidence: number;
  reasons: string[];
  overridden: boolean;
  /** What Callbook recognised (stored when linked, else classified now) and why, kept when a user overrides it. */
  recognised: { callType: CallType; callTypeLabel: string; confidence: number; reasons: string[] };
  attendeeCount: number;
}

export interface ProjectHeader {
  id: string;
  name: string;
  customerName: string;
  rag: Rag;
  ragReason: string | null;
  pathToGreen: string | null;
  goLiveDate: string | null;
  daysToGoLive: number | null;
}

/**
 * The triage slot of one week ("Tuesdays and Thursdays 10–11 am Eastern", the same slot for
 * everyone) as instants (ISO 8601, UTC), one per slot day, for showing in each viewer's own zone.
 */
export type TriageSlotTimes = { startsAt: string; endsAt: string }[];

export interface MeetingDetail extends MeetingSummary {
  /** The triage slot of the meeting's week, when the call is (or is recognised as) a triage call; else null. */
  triageSlot: TriageSlotTimes | null;
  attendees: { email: string; name: string }[];
  project: ProjectHeader | null;
  version: number;
}

/** A Teams meeting tab's meeting: its chat id, or the teams-js `meeting.id` (a channel meeting's context may carry no chat id). */
export const byChatQuery = z
  .object({
    chatId: z.string().trim().min(1, "is required").max(300).optional(),
    meetingId: teamsContextMeetingId.optional(),
  })
  .strict()
  .refine((q) => q.chatId || q.meetingId, { message: "is required", path: ["chatId"] });

/** The configuration page: link the Teams meeting (its chat) to a project and, optionally, a call type. */
export const linkMeetingBody = z
  .object({
    chatId: z.string().trim().min(1, "is required").max(300).optional(),
    joinUrl: z.string().trim().min(1).max(2000).optional(),
    /** Digits of the Teams join meeting id ("241 412 830 128 1" is accepted). */
    joinMeetingId: z.string().trim().regex(/^[\d ]{9,24}$/, "must be the digits of a Teams meeting ID").optional(),
    /** The teams-js context's `meeting.id` (base64 of the thread); used when the context has no chat id. */
    teamsMeetingId: teamsContextMeetingId.optional(),
    iCalUId: z.string().trim().min(1).max(500).optional(),
    projectId: z.uuid({ message: "must be a valid id" }),
    callType: z.enum(callTypes, { message: `must be one of ${callTypes.join(", ")}` }).nullable(),
    subject: z.string().trim().min(1, "is required").max(300).optional(),
    startsAt: isoDateTime.optional(),
    endsAt: isoDateTime.optional(),
  })
  .strict()
  .refine((b) => b.chatId || b.joinUrl || b.joinMeetingId || b.teamsMeetingId || b.iCalUId, {
    message: "give chatId, teamsMeetingId, joinUrl, joinMeetingId or iCalUId",
    path: ["chatId"],
  });
export type LinkMeetingBody = z.infer<typeof linkMeetingBody>;

export interface PrepList {
  raidWithoutDueDate: { id: string; title: string; ownerName: string | null }[];
  lateTasks: { id: string; name: string; dueDate: string; ownerName: string | null }[];
  unsentRecap: { meetingId: string; subject: string; startsAt: string } | null;
}

/** How an Outlook appointment finds its Callbook meeting: join URL, then iCalUId, then subject + start. */
export const lookupMeetingQuery = z
  .object({
    /** A Teams join link on any host and form teamsMeetingLink.parseTeamsMeetingLink reads. */
    joinUrl: z.string().trim().max(2000).optional(),
    /** Digits of the Teams join meeting id ("Meeting ID: 241 412 830 128 1" in the body). */
    joinMeetingId: z.string().trim().regex(/^[\d ]{9,24}$/, "must be the digits of a Teams meeting ID").optional(),
    iCalUId: z.string().trim().max(500).optional(),
    subject: z.string().trim().max(300).optional(),
    start: isoDateTime.optional(),
  })
  .strict()
  .refine((q) => q.joinUrl || q.joinMeetingId || q.iCalUId || (q.subject && q.start), { message: "give joinUrl, joinMeetingId, iCalUId, or subject and start" });

export interface MeetingLookup {
  meeting: MeetingDetail | null;
  matchedBy: "joinUrl" | "iCalUId" | "subjectAndStart" | null;
}
