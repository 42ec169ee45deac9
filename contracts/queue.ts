import { z } from "zod";
import { queueKinds, type QueueAudience, type QueueKind } from "../server/domain/queue/queueMessage";
import { uuidParam } from "./common";

// The send queue (issue 17 §1): what is owed per project, each entry's draft, and its send.

export { queueKinds };
export type { QueueKind, QueueAudience };

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

export const draftQuery = z.object({ intro: z.string().max(5000).optional() }).strict();

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
}

export interface QueueSentDto {
  id: string;
  kind: QueueKind;
  status: "sent" | "failed";
  sentAt: string | null;
  audience: QueueAudience;
  to: { name: string; email: string }[];
}
