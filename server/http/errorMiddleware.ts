import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { AppError, badRequest, ConsentRequired, validationError } from "../errors";
import { UpstreamTimedOut } from "../services/upstream/upstreamTimedOut";
import { idTaken, isPrimaryKeyViolation } from "../services/ids/idTaken";
import { STORAGE_RETRY_AFTER_S, storageFaultOf, storageUnavailable, type StorageHealth } from "../services/health/storageHealth";

/** The one error middleware: known errors as they are, anything else as 500 without internals. */
export function errorMiddleware(logger: Logger, storage?: StorageHealth): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    void _next;
    const fault = err instanceof AppError ? null : storageFaultOf(err);
    if (fault) {
      // Disk full or database down: 503 + Retry-After, and readiness says so (issue 13 §8).
      storage?.report(fault);
      (req.log ?? logger).error({ err }, "storage unavailable");
      res.setHeader("Retry-After", String(STORAGE_RETRY_AFTER_S));
      err = storageUnavailable(fault);
    }
    if (err instanceof ZodError) err = validationError(err);
    if (isBodyParserError(err)) {
      err =
        err.type === "entity.too.large"
          ? new AppError(413, "payload_too_large", "Request body is too large")
          : badRequest("Request body is not valid JSON");
    }
    if (err instanceof ConsentRequired) {
      // The client turns this code into a consent prompt (authentication.authenticate in Teams).
      res.status(403).json(err.toBody());
      return;
    }
    if (err instanceof UpstreamTimedOut) {
      err = new AppError(504, err.code, `${err.service === "Microsoft Graph" ? "Outlook" : "Microsoft sign-in"} did not answer in time. Try again.`);
    }
    if (isPrimaryKeyViolation(err)) err = idTaken();
    if (isDataException(err)) {
      // PostgreSQL's "data exception" class: a value the database cannot take, never a server fault.
      err = badRequest("A value in the request is out of range or malformed");
    }
    if (err instanceof AppError) {
      if (err.status >= 500) req.log?.error({ code: err.code }, err.message);
      res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.details ?? {}) } });
      return;
    }
    (req.log ?? logger).error({ err }, "unhandled error");
    res.status(500).json({ error: { code: "internal_error", message: "Something went wrong on our side" } });
  };
}

function isBodyParserError(err: unknown): err is { type: string; status: number } {
  return typeof err === "object" && err !== null && "type" in err && "status" in err && typeof (err as { type: unknown }).type === "string";
}

function isDataException(err: unknown): boolean {
  const code = typeof err === "object" && err !== null && "code" in err ? (err as { code: unknown }).code : undefined;
  const cause = typeof err === "object" && err !== null && "cause" in err ? (err as { cause: unknown }).cause : undefined;
  return (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)) || (cause !== undefined && isDataException(cause));
}
