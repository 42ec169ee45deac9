import { z } from "zod";

export const uuidParam = z.uuid({ message: "must be a valid id" });
export const idParams = z.object({ id: uuidParam });
/** Dates a project can have: PostgreSQL takes year 0000 for nothing, and nobody plans in it. */
const plausibleYear = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}/.test(v)) return true; // not a date at all: the format check says so
  const year = Number(v.slice(0, 4));
  return year >= 1900 && year <= 2999;
};
export const isoDate = z.iso
  .date({ message: "must be a date like 2026-12-31" })
  .refine(plausibleYear, { message: "must be a date between 1900 and 2999" });
export const isoDateTime = z.iso
  .datetime({ offset: true, message: "must be a date-time like 2026-12-31T15:00:00Z" })
  .refine(plausibleYear, { message: "must be a date between 1900 and 2999" });

/**
 * The body of a POST that takes no input (Planner sync, unattended start, stage ticket): none at all,
 * or an empty JSON object. Anything else (an array, a key, null, a string) fails at `body` with
 * "must be empty or an empty JSON object". The server reads a body its JSON parser left unread (a
 * text/plain one) as a string, so that is refused too (`server/http/validate.ts` `parseEmptyBody`).
 */
export const emptyBody = z.object({}, { error: "must be empty or an empty JSON object" }).strict().optional();

/** The error body every route answers with. */
export interface ApiError {
  error: { code: string; message: string; fields?: string[] };
}
