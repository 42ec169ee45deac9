import pino, { type Logger } from "pino";

/** Structured logs. Tokens and meeting content never go in: the redact list is a second wall. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "callbook" },
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "req.query.auth", "*.token", "*.accessToken"],
      censor: "[redacted]",
    },
  });
}
