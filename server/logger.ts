import pino, { type Logger } from "pino";
import { describeError } from "./services/errors/describeError";

/** Structured logs. Tokens and meeting content never go in: the redact list is a second wall. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "callbook" },
    // Every `err` logged anywhere: cause and codes, never SQL, parameters or row data.
    serializers: { err: describeError },
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "req.query.auth", "*.token", "*.accessToken"],
      censor: "[redacted]",
    },
  });
}
