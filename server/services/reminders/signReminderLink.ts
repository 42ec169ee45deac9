import { createHmac, timingSafeEqual } from "node:crypto";

// Links in a digest act without a sign-in (mark done, move the date, mute a project), so each
// carries an HMAC-SHA256 of what it does, for whom, on what, and until when, keyed with the
// server's link secret. Single-purpose: the action is signed, so a "done" link cannot be replayed
// as a "move" or "mute" link; expiring: the expiry instant is signed too.

export type LinkAction = "done" | "move" | "mute";

/** How long a digest's links stay valid, in days from the digest's sending (two working weeks). */
export const LINK_LIFETIME_DAYS = 14;

export interface LinkClaims {
  action: LinkAction;
  tenantId: string;
  personId: string;
  /** The action item (done, move) or the project (mute). */
  targetId: string;
  /** Expiry, in whole seconds since the Unix epoch (UTC). */
  expiresAt: number;
}

const payload = (c: LinkClaims) => `${c.action}|${c.tenantId}|${c.personId}|${c.targetId}|${c.expiresAt}`;

/** The signature of the claims, base64url. */
export function signLink(claims: LinkClaims, secret: string): string {
  return createHmac("sha256", secret).update(payload(claims)).digest("base64url");
}

/** Whether `signature` is the one `signLink` gives for the claims (constant-time compare). Expiry is not checked here. */
export function verifyLink(claims: LinkClaims, signature: string, secret: string): boolean {
  const expected = Buffer.from(signLink(claims, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The expiry (seconds since the epoch) of a link made at `now`: LINK_LIFETIME_DAYS later. */
export function linkExpiry(now: Date): number {
  return Math.floor(now.getTime() / 1000) + LINK_LIFETIME_DAYS * 86_400;
}

/** `${baseUrl}/api/reminders/${action}?t=…&p=…&x=…&e=…&sig=…`: the claims and their signature. */
export function reminderLink(baseUrl: string, claims: LinkClaims, secret: string): string {
  const q = new URLSearchParams({ t: claims.tenantId, p: claims.personId, x: claims.targetId, e: String(claims.expiresAt), sig: signLink(claims, secret) });
  return `${baseUrl.replace(/\/$/, "")}/api/reminders/${claims.action}?${q.toString()}`;
}

/** What reading a link's query gives: its claims, or why it cannot be used. */
export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: "invalid" | "expired" };

/**
 * Reads and checks the query of a link made by `reminderLink` for `action`: "invalid" when a part
 * is missing or the signature does not match (altered, forged, or made for another action);
 * "expired" when it is genuine but `now` is past its expiry.
 */
export function checkLink(action: LinkAction, query: Record<string, unknown>, secret: string, now: Date): LinkCheck {
  const s = (k: string) => (typeof query[k] === "string" ? (query[k] as string) : "");
  const expiresAt = Number(s("e"));
  const claims: LinkClaims = { action, tenantId: s("t"), personId: s("p"), targetId: s("x"), expiresAt };
  if (!claims.tenantId || !claims.personId || !claims.targetId || !Number.isSafeInteger(expiresAt) || !verifyLink(claims, s("sig"), secret)) {
    return { ok: false, reason: "invalid" };
  }
  if (now.getTime() / 1000 > expiresAt) return { ok: false, reason: "expired" };
  return { ok: true, claims };
}
