import { createHmac, timingSafeEqual } from "node:crypto";

// Links in a digest act without a sign-in (mark done, move the date, mute a project), so each
// carries an HMAC-SHA256 of what it does, keyed with the server's link secret.

export type LinkAction = "done" | "move" | "mute";

export interface LinkClaims {
  action: LinkAction;
  tenantId: string;
  personId: string;
  /** The action item (done, move) or the project (mute). */
  targetId: string;
}

const payload = (c: LinkClaims) => `${c.action}|${c.tenantId}|${c.personId}|${c.targetId}`;

/** The signature of the claims, base64url. */
export function signLink(claims: LinkClaims, secret: string): string {
  return createHmac("sha256", secret).update(payload(claims)).digest("base64url");
}

/** Whether `signature` is the one `signLink` gives for the claims (constant-time compare). */
export function verifyLink(claims: LinkClaims, signature: string, secret: string): boolean {
  const expected = Buffer.from(signLink(claims, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** `${baseUrl}/api/reminders/${action}?…` with the claims and their signature. */
export function reminderLink(baseUrl: string, claims: LinkClaims, secret: string): string {
  const q = new URLSearchParams({ t: claims.tenantId, p: claims.personId, x: claims.targetId, sig: signLink(claims, secret) });
  return `${baseUrl.replace(/\/$/, "")}/api/reminders/${claims.action}?${q.toString()}`;
}
