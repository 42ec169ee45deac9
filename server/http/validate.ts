import type { z } from "zod";
import { AppError, validationError } from "../errors";

/** The path of the first string holding a NUL character (PostgreSQL text cannot store one), or null. */
function nulPath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = nulPath(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** Parses a request part with its contract; a failure is a 400 listing "field: message". */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const nul = nulPath(value);
  if (nul) {
    const field = `${nul.length ? nul.join(".") : "body"}: must not contain a NUL character`;
    throw new AppError(400, "validation_failed", field, { fields: [field] });
  }
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error);
  return r.data;
}
