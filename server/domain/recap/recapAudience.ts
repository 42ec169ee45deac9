import type { RecapAudience } from "./recapInput";

/** The lower-cased domain after the last "@", or null when the address has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 0) return null;
  const domain = email.slice(at + 1).trim().toLowerCase();
  return domain === "" ? null : domain;
}

/**
 * "internal" only when every recipient's domain is exactly one of the internal domains
 * (sub-domains are not assumed internal); an address without a domain counts as external.
 */
export function recapAudience(recipients: readonly { email: string }[], internalDomains: readonly string[]): RecapAudience {
  const internal = new Set(internalDomains.map((d) => d.trim().toLowerCase()));
  const allInternal = recipients.every((r) => {
    const domain = emailDomain(r.email);
    return domain !== null && internal.has(domain);
  });
  return allInternal ? "internal" : "external";
}
