import { SignJWT, jwtVerify, errors } from "jose";
import { forbidden, unauthorized } from "../../errors";

// The stage ticket (issue 13 §1): the one credential Callbook accepts outside a header. It lets an
// anonymous guest of the meeting stage (no Teams token) read the customer-safe agenda and captured
// items of ONE meeting, read-only, for a short while. HS256 over a server secret (config
// STAGE_TICKET_SECRET; a per-process random one when unset, so tickets then hold on one instance).

const ISSUER = "callbook";
const AUDIENCE = "callbook-stage";
const SCOPE = "stage:read";

/** A ticket lives at least this long, and never more than MAX_TTL_MS. */
export const MIN_TTL_MS = 15 * 60_000;
export const MAX_TTL_MS = 4 * 60 * 60_000;
/** How long after the meeting's end a ticket still holds (the stage stays up a little). */
export const AFTER_END_MS = 15 * 60_000;

export interface StageTicketClaims {
  tenantId: string;
  meetingId: string;
}

/**
 * When a ticket issued at `now` for a meeting ending at `endsAt` expires: 15 minutes after the
 * meeting ends, but at least 15 minutes and at most 4 hours from now (UTC instants).
 */
export function stageTicketExpiry(now: Date, endsAt: Date): Date {
  const wanted = endsAt.getTime() + AFTER_END_MS;
  return new Date(Math.min(now.getTime() + MAX_TTL_MS, Math.max(now.getTime() + MIN_TTL_MS, wanted)));
}

/** Signs a ticket for one meeting of one tenant; `expiresAt` is a UTC instant. */
export async function issueStageTicket(secret: Uint8Array, claims: StageTicketClaims, now: Date, expiresAt: Date): Promise<string> {
  return new SignJWT({ tid: claims.tenantId, mid: claims.meetingId, scope: SCOPE })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(`stage:${claims.meetingId}`)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret);
}

/** A verified ticket's claims and the instant it expires (its `exp`, a UTC instant). */
export interface VerifiedStageTicket extends StageTicketClaims {
  expiresAt: Date;
}

/**
 * The claims of a valid ticket for `meetingId`, with its expiry. Throws 401 for a missing, forged,
 * expired or malformed ticket (only HS256 is accepted; `exp` is required) and 403 for a valid ticket
 * of another meeting.
 */
export async function verifyStageTicket(secret: Uint8Array, ticket: string | undefined, meetingId: string, now: Date): Promise<VerifiedStageTicket> {
  if (!ticket) throw unauthorized("A stage ticket is required");
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(ticket, secret, { algorithms: ["HS256"], issuer: ISSUER, audience: AUDIENCE, currentDate: now, requiredClaims: ["exp"] }));
  } catch (e) {
    throw unauthorized(e instanceof errors.JWTExpired ? "The stage ticket has expired" : "The stage ticket is not valid");
  }
  const { tid, mid, scope, exp } = payload;
  if (typeof tid !== "string" || typeof mid !== "string" || scope !== SCOPE || typeof exp !== "number") throw unauthorized("The stage ticket is not valid");
  if (mid !== meetingId) throw forbidden("This stage ticket is for another meeting");
  return { tenantId: tid, meetingId: mid, expiresAt: new Date(exp * 1000) };
}
