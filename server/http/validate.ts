import type { z } from "zod";
import { AppError, validationError } from "../errors";

/** Deepest nesting a request may have (objects and arrays). Real bodies stay under 6; 5,000 levels overflowed the stack (issue 13 §8). */
export const MAX_NESTING = 32;

type Finding = { kind: "nul"; path: string[] } | { kind: "deep"; path: string[] };

/**
 * One walk over a request part, without recursion (so no depth can overflow the stack): the first
 * string holding a NUL character (PostgreSQL text cannot store one), or the first value nested
 * deeper than MAX_NESTING; null when neither.
 */
function inspect(value: unknown): Finding | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop() ?? { value: undefined, path: [] };
    if (typeof v === "string") {
      if (v.includes("\u0000")) return { kind: "nul", path };
      continue;
    }
    if (!v || typeof v !== "object") continue;
    if (path.length >= MAX_NESTING) return { kind: "deep", path: path.slice(0, 3) };
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i] ?? ["", undefined];
      stack.push({ value: x, path: [...path, k] });
    }
  }
  return null;
}

/** Parses a request part with its contract; a failure is a 400 listing "field: message". */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const found = inspect(value);
  if (found) {
    const where = found.path.length ? found.path.join(".") : "body";
    const field = found.kind === "nul" ? `${where}: must not contain a NUL character` : `${where}: is nested more than ${MAX_NESTING} levels deep`;
    throw new AppError(400, "validation_failed", field, { fields: [field] });
  }
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error);
  return r.data;
}

/**
 * For POST routes that take no input (e.g. POST /api/projects/:id/planner/sync): no body, or an
 * empty JSON object. Anything else (an array, unknown keys, a text/plain body the JSON parser left
 * unread) is a 400 naming `body`, before any other check, so a bad request never reaches the
 * feature's own answer (such as 503 when the feature is off on this server).
 */
export function parseEmptyBody(req: { body?: unknown; headers: Record<string, string | string[] | undefined> }): void {
  const carried = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
  const body = req.body;
  const empty = body === undefined ? !carried : typeof body === "object" && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;
  if (!empty) {
    const field = "body: must be empty or an empty JSON object";
    throw new AppError(400, "validation_failed", field, { fields: [field] });
  }
}
