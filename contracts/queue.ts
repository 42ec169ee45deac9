import { z } from "zod";
import { uuidParam } from "./common";

/** The kinds of message the send queue owes besides the per-meeting recap. */
export const queueKinds = [
  "open_task_update",
  "sprint_report",
  "biweekly_friday_report",
  "weekly_status_report",
  "rag_change_notice",
  "decisions_and_changes",
  "vendor_status",
  "steering_report",
] as const;
export type QueueKind = (typeof queueKinds)[number];

/**
 * Who a draft is written for. "customer": the customer and our people (customer-safe content);
 * "vendor": vendors (vendor-safe: no internal items, no commercial figures); "internal": only
 * our people (everything).
 */
export type QueueAudience = "internal" | "customer" | "vendor";


// The send queue (issue 17 §1): what is owed per project, each entry's draft, and its send.


export const queueKindParams = z.object({
  id: uuidParam,
  kind: z.enum(queueKinds, { message: `must be one of ${queueKinds.join(", ")}` }),
});

const recipient = z
  .object({
    email: z.email({ message: "must be an e-mail address" }),
    name: z.string().trim().min(1, "is required").max(200),
  })
  .strict();

export const sendQueueBody = z
  .object({
    /** The draft's id from GET …/draft: sending the same draft twice is one e-mail. */
    id: uuidParam,
    subject: z.string().trim().min(1, "is required").max(300, "must be at most 300 characters").optional(),
    /** A personal message put above the draft. */
    intro: z.string().trim().max(5000, "must be at most 5000 characters").optional(),
    to: z.array(recipient).min(1, "must list at least one recipient").max(100).optional(),
    cc: z.array(recipient).max(100).optional(),
  })
  .strict();
export type SendQueueBody = z.infer<typeof sendQueueBody>;

/** Recipients in a query string: a JSON list of { name, email } (the draft dialog's edited list). */
const recipientsParam = z
  .string()
  .max(20_000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a JSON list of recipients" });
      return z.NEVER;
    }
  })
  .pipe(z.array(recipient).max(100));

/**
 * GET …/draft: a personal message, and the recipients as edited (JSON lists); the draft's audience,
 * and so what it shows, is what those recipients make (an outside address makes it customer-safe).
 */
export const draftQuery = z.object({ intro: z.string().max(5000).optional(), to: recipientsParam.optional(), cc: recipientsParam.optional() }).strict();

export interface QueueEntryDto {
  projectId: string;
  projectName: string;
  kind: QueueKind | "recap";
  title: string;
  dueAt: string;
  state: "late" | "due" | "upcoming";
  meetingId: string | null;
  reason: string;
}

export interface QueueDto {
  late: QueueEntryDto[];
  dueToday: QueueEntryDto[];
  upcoming: QueueEntryDto[];
}

export interface QueueDraftDto {
  /** Send with this id: the same draft sent twice is delivered once. */
  id: string;
  projectId: string;
  kind: QueueKind;
  subject: string;
  to: { name: string; email: string }[];
  cc: { name: string; email: string }[];
  audience: QueueAudience;
  omittedInternal: number;
  html: string;
  text: string;
  dueAt: string | null;
  mailMode: "graph" | "outbox";
  /** The project's people with an address, whom the PM may add as recipients. */
  candidates: { name: string; email: string }[];
}

export interface QueueSentDto {
  id: string;
  kind: QueueKind;
  status: "sent" | "failed";
  sentAt: string | null;
  audience: QueueAudience;
  to: { name: string; email: string }[];
}
