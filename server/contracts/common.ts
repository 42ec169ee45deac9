import { z } from "zod";

export const uuidParam = z.uuid({ message: "must be a valid id" });
export const idParams = z.object({ id: uuidParam });
export const isoDate = z.iso.date({ message: "must be a date like 2026-12-31" });
export const isoDateTime = z.iso.datetime({ offset: true, message: "must be a date-time like 2026-12-31T15:00:00Z" });

/** The error body every route answers with. */
export interface ApiError {
  error: { code: string; message: string; fields?: string[] };
}
