import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { UpstreamTimedOut } from "./services/upstream/upstreamTimedOut";
import { idTaken, isPrimaryKeyViolation } from "./services/ids/idTaken";
import { STORAGE_RETRY_AFTER_S, storageFaultOf, storageUnavailable, type StorageHealth } from "./services/health/storageHealth";

/**
 * The user (or an admin) has not consented to Callbook's Graph permissions, or Entra wants an
 * interaction (MFA, claims challenge). Routes answer 403 `{ error: { code: "consent_required" } }`
 * and the client asks for consent (Teams `authentication.authenticate` / NAA popup).
 */
export class ConsentRequired extends Error {
  override readonly name = "ConsentRequired";
  readonly status = 403;
  readonly code = "consent_required";
  constructor(
    /** msal's `subError` or `errorCode` that triggered it (for the log). */
    readonly reason: string,
    /** Claims challenge to pass to the client, when Entra sent one. */
    readonly claims: string | undefined,
    readonly scopes: readonly string[],
  ) {
    super("The user must consent to Callbook's Microsoft Graph permissions.");
  }

  /** The response body routes send with status 403. */
  toBody(): { error: { code: "consent_required"; message: string; scopes: string[]; claims?: string } } {
    return {
      error: {
        code: "consent_required",
        message: "Consent is needed before Callbook can send mail or create meetings for you.",
        scopes: [...this.scopes],
        ...(this.claims ? { claims: this.claims } : {}),
      },
    };
  }
}

/** An error a client may see: stable code, HTTP status, and a message safe to show. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new AppError(400, "bad_request", message, details);
export const unauthorized = (message = "Sign-in required") => new AppError(401, "unauthorized", message);
export const forbidden = (message = "You do not have access to this") => new AppError(403, "forbidden", message);
export const notFound = (what = "Resource") => new AppError(404, "not_found", `${what} not found`);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError(409, "conflict", message, details);
export const unavailable = (message: string) => new AppError(503, "unavailable", message);

/** A 400 at one field, worded like the zod ones: "ownerId: is not a person of this project". */
export function fieldError(field: string, message: string): AppError {
  const line = `${field}: ${message}`;
  return new AppError(400, "validation_failed", line, { fields: [line] });
}

/** "field: message" lines of a zod error, the text clients show at the field. */
export function zodMessages(error: ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "body"}: ${i.message}`);
}

export function validationError(error: ZodError): AppError {
  const fields = zodMessages(error);
  return new AppError(400, "validation_failed", fields.join("; "), { fields });
}

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
