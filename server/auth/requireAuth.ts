import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Logger } from "pino";
import { TokenRejected, type RequestIdentity, type TokenVerifier } from "./verifyTeamsToken";

/** What `requireAuth` puts in `res.locals`. */
export interface AuthLocals {
  identity: RequestIdentity;
}

/**
 * Express 5 middleware: verifies `Authorization: Bearer <token>` and sets `res.locals.identity`.
 * Refusals answer 401 `{ error: { code: "unauthorized", message } }` and log the reason, never the token.
 */
export function requireAuth(verifier: TokenVerifier, logger: Pick<Logger, "warn">): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = bearerToken(req.get("authorization"));
    if (token === null) {
      refuse(res, logger, new TokenRejected("missing_token"));
      return;
    }
    let identity: RequestIdentity;
    try {
      identity = await verifier(token);
    } catch (error) {
      refuse(res, logger, error instanceof TokenRejected ? error : new TokenRejected("verification_failed"));
      return;
    }
    res.locals.identity = identity;
    next();
  };
}

/** The identity `requireAuth` stored; throws if the route was mounted without it. */
export function authenticatedIdentity(res: Response): RequestIdentity {
  const identity: unknown = res.locals.identity;
  if (!isIdentity(identity)) throw new Error("authenticatedIdentity: requireAuth did not run for this route");
  return identity;
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(header);
  return match?.[1] ?? null;
}

function refuse(res: Response, logger: Pick<Logger, "warn">, rejection: TokenRejected): void {
  logger.warn({ event: "auth_rejected", reason: rejection.reason, detail: rejection.detail }, "token rejected");
  res
    .status(401)
    .set("WWW-Authenticate", 'Bearer error="invalid_token"')
    .json({ error: { code: "unauthorized", message: "Sign-in is required or the token is not valid." } });
}

function isIdentity(value: unknown): value is RequestIdentity {
  return typeof value === "object" && value !== null && "userId" in value && "tenantId" in value;
}
