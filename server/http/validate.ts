import type { z } from "zod";
import { AppError, validationError } from "../errors";
import { emptyBody } from "../../contracts/common";

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
 * For POST routes that take no input (POST /api/projects/:id/planner/sync, /api/me/unattended/start,
 * /api/meetings/:id/stage-ticket): the body must pass the contract's `emptyBody` (none, or `{}`).
 * A body the JSON parser left unread (text/plain, a form) is checked as its raw text, so it fails
 * like any other non-empty body: 400 `body: must be empty or an empty JSON object`. Call it before
 * any other check, so a bad request never reaches the feature's own answer (such as 503 when the
 * feature is off on this server).
 */
export function parseEmptyBody(req: { body?: unknown; headers: Record<string, string | string[] | undefined> }): void {
  const carried = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
  parse(emptyBody, req.body === undefined && carried ? "(unread request body)" : req.body);
}
