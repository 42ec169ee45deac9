import type { z } from "zod";
import { validationError } from "../errors";

/** Parses a request part with its contract; a failure is a 400 listing "field: message". */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error);
  return r.data;
}
