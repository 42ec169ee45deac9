/**
 * What a log line may say about an error: its class, code and cause — never a SQL statement, its
 * parameters or PostgreSQL's `detail` ("Failing row contains (…)"), which carry customer data (a
 * failed import logged a 482 KB line of task names; issue 13 §8). Walks `cause` up to 5 deep.
 */
export interface LoggedError {
  type: string;
  message: string;
  /** PostgreSQL SQLSTATE (e.g. "23505") or a Node errno code (e.g. "ECONNREFUSED"). */
  code?: string;
  /** Constraint, table and column names: schema, not data. */
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: LoggedError;
}

/** Accepts an Error, or the plain object pino's standard serializer made of one (pino-http passes those). */
export function describeError(err: unknown, depth = 0): LoggedError {
  if (!err || typeof err !== "object") return { type: typeof err, message: "(not an Error)" };
  const e = err as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
  // drizzle's DrizzleQueryError: its message is the statement and its parameters.
  const isQueryError = typeof e.query === "string" || (str(e.message) ?? "").startsWith("Failed query:");
  const out: LoggedError = {
    type: str(e.name) ?? str(e.type) ?? "Error",
    message: isQueryError ? "database query failed" : (str(e.message) ?? "").slice(0, 500),
  };
  const code = str(e.code);
  if (code) out.code = code;
  for (const key of ["constraint", "table", "column"] as const) {
    const v = str(e[key]);
    if (v) out[key] = v;
  }
  const stack = str(e.stack);
  if (!isQueryError && stack) out.stack = stack.split("\n").slice(1, 12).join("\n");
  if (e.cause !== undefined && depth < 5) out.cause = describeError(e.cause, depth + 1);
  return out;
}
