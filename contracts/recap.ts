import { z } from "zod";
import { callTypes } from "./types";
import { isoDate, uuidParam } from "./common";
import { ianaTimeZone } from "./timeZone";

const recipientEmails = z
  .array(z.email({ message: "must list e-mail addresses" }))
  .min(1, "must list at least one recipient")
  .max(100, "must list at most 100 recipients");

export const recapQuery = z
  .object({
    audience: z.enum(["internal", "external"]).optional(),
    /** The PM's recipients instead of the attendees, comma-separated addresses ("a@x.com,b@y.com"). */
    to: z
      .string()
      .transform((s) => s.split(",").map((e) => e.trim()).filter((e) => e !== ""))
      .pipe(recipientEmails)
      .optional(),
  })
  .strict();

export const sendRecapBody = z
  .object({
    /** Client-generated: a resent request is the same recap, never a second e-mail. */
    id: uuidParam,
    subject: z.string().trim().min(1, "is required").max(300, "must be at most 300 characters").optional(),
    /** A personal message put above the recap. */
    intro: z.string().trim().max(5000, "must be at most 5000 characters").optional(),
    audience: z.enum(["internal", "external"]).optional(),
    /** The PM's recipients instead of the attendees; the audience rule still decides the recap from them. */
    to: recipientEmails.optional(),
    /** The PM confirmed sending before the meeting's start; without it such a send answers 409 `recap_before_start`. */
    sendBeforeStart: z.boolean().optional(),
  })
  .strict();
export type SendRecapBody = z.infer<typeof sendRecapBody>;

/** Where a recap's people come from (issue 18 §3). */
export interface RecapAttendance {
  /** "report": Teams' attendance report (who joined, when); "invited": it is unknown and the invitees are listed. */
  source: "report" | "invited";
  /** With "invited": the one sentence saying why (also in the recap itself). */
  unavailable: string | null;
  /** Required attendees (runbook pick for the call type) with no attendance record: for the PM or organiser only, else null. Never in an e-mail. */
  missingRequired: { name: string; email: string; reason: string }[] | null;
}

export interface RecapPreview {
  meetingId: string;
  subject: string;
  html: string;
  text: string;
  to: { name: string; email: string }[];
  cc: { name: string; email: string }[];
  audience: "internal" | "external";
  omittedInternal: number;
  lastSent: { id: string; status: "sending" | "sent" | "failed" | "draft"; sentAt: string | null; by: string | null; error: string | null } | null;
  mailMode: "graph" | "outbox";
  /** The meeting's scheduled start (ISO, UTC) and whether the server's clock is still before it. */
  startsAt: string;
  beforeStart: boolean;
  /** People the PM can add as recipients: the attendees and the project's people, by name. */
  candidates: { name: string; email: string }[];
  attendance: RecapAttendance;
}

const attendee = z
  .object({
    email: z.email({ message: "must be an e-mail address" }),
    name: z.string().trim().min(1, "is required").max(200),
    type: z.enum(["required", "optional"]),
  })
  .strict();

const startTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time like 10:00");
const weekday = z.enum(["monday", "tuesday", "wednesday", "thursday", "friday"], { message: "must be a weekday, monday to friday" });

export const seriesDraftQuery = z
  .object({
    callType: z.enum(callTypes, { message: `must be one of ${callTypes.join(", ")}` }),
    from: isoDate.optional(),
    /** Overrides of what the project's existing calls of this type propose. */
    startTime: startTime.optional(),
    durationMinutes: z.coerce.number().int().min(5, "must be at least 5").max(480, "must be at most 480").optional(),
    weekday: weekday.optional(),
    until: isoDate.optional(),
    occurrences: z.coerce.number().int().min(1).max(200).optional(),
    /** The zone the series runs in; default the organiser's own zone. */
    timeZone: ianaTimeZone.optional(),
  })
  .strict();

export const createSeriesBody = z
  .object({
    id: uuidParam,
    callType: z.enum(callTypes, { message: `must be one of ${callTypes.join(", ")}` }),
    subject: z.string().trim().min(1, "is required").max(300),
    from: isoDate,
    startTime: startTime.optional(),
    durationMinutes: z.number().int().min(5, "must be at least 5").max(480, "must be at most 480").optional(),
    /** The day of a weekly or monthly series; default the weekday of `from`. */
    weekday: weekday.optional(),
    /** Last day (inclusive), or a number of occurrences; neither means no end. */
    until: isoDate.optional(),
    occurrences: z.number().int().min(1).max(200).optional(),
    /** The zone the series runs in (its local start time is in it); default the organiser's own zone. */
    timeZone: ianaTimeZone.optional(),
    attendees: z.array(attendee).min(1, "must list at least one attendee").max(100),
    /** Occurrences with their own attendees (a backup for someone out), by local start in the series' zone. */
    occurrenceAttendees: z
      .array(
        z
          .object({
            localStart: z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, "must be a local date-time like 2026-12-09T10:00:00"),
            attendees: z.array(attendee).min(1, "must list at least one attendee").max(100),
          })
          .strict(),
      )
      .max(200)
      .optional(),
  })
  .strict();
export type CreateSeriesBody = z.infer<typeof createSeriesBody>;

export const outboxParams = z.object({ id: uuidParam });
export const outboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }).strict();
