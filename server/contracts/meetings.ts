import { z } from "zod";
import { callTypes, type CallType, type Rag } from "../domain/types";
import { isoDateTime } from "./common";

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

export interface MeetingDetail extends MeetingSummary {
  attendees: { email: string; name: string }[];
  project: ProjectHeader | null;
  version: number;
}

export const byChatQuery = z.object({ chatId: z.string().trim().min(1, "is required").max(300) }).strict();

/** The configuration page: link the Teams meeting (its chat) to a project and, optionally, a call type. */
export const linkMeetingBody = z
  .object({
    chatId: z.string().trim().min(1, "is required").max(300).optional(),
    joinUrl: z.string().trim().min(1).max(2000).optional(),
    iCalUId: z.string().trim().min(1).max(500).optional(),
    projectId: z.uuid({ message: "must be a valid id" }),
    callType: z.enum(callTypes, { message: `must be one of ${callTypes.join(", ")}` }).nullable(),
    subject: z.string().trim().min(1, "is required").max(300).optional(),
    startsAt: isoDateTime.optional(),
    endsAt: isoDateTime.optional(),
  })
  .strict()
  .refine((b) => b.chatId || b.joinUrl || b.iCalUId, { message: "give chatId, joinUrl or iCalUId", path: ["chatId"] });
export type LinkMeetingBody = z.infer<typeof linkMeetingBody>;

export interface PrepList {
  raidWithoutDueDate: { id: string; title: string; ownerName: string | null }[];
  lateTasks: { id: string; name: string; dueDate: string; ownerName: string | null }[];
  unsentRecap: { meetingId: string; subject: string; startsAt: string } | null;
}

/** How an Outlook appointment finds its Callbook meeting: join URL, then iCalUId, then subject + start. */
export const lookupMeetingQuery = z
  .object({
    joinUrl: z.string().trim().max(2000).optional(),
    iCalUId: z.string().trim().max(500).optional(),
    subject: z.string().trim().max(300).optional(),
    start: isoDateTime.optional(),
  })
  .strict()
  .refine((q) => q.joinUrl || q.iCalUId || (q.subject && q.start), { message: "give joinUrl, iCalUId, or subject and start" });

export interface MeetingLookup {
  meeting: MeetingDetail | null;
  matchedBy: "joinUrl" | "iCalUId" | "subjectAndStart" | null;
}
