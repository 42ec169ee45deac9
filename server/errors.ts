import { ZodError } from "zod";

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
