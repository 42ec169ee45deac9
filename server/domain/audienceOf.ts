import type { Organisation } from "../../contracts/types";

// The one audience rule (issue 13 §1). Internal content (RAID items and notes flagged internal
// only, internal meetings, the internal recap) reaches only the internal audience.

/** Who may see internal-only content: "internal" may, "external" may not. */
export type Audience = "internal" | "external";

/** What the rule reads: the project's people and the tenant's own e-mail domains. */
export interface AudienceDirectory {
  /** People of the project (members, backups, vendor people): their organisation decides. */
  people: readonly { id: string; email: string; organisation: Organisation }[];
  /** The tenant's own e-mail domains, lower case (e.g. ["contoso.com"]). */
  tenantDomains: readonly string[];
}

/** The lower-cased domain after the last "@", or null when the address has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 0) return null;
  const domain = email.slice(at + 1).trim().toLowerCase();
  return domain === "" ? null : domain;
}

/**
 * The audience of one person or address:
 * - a project person (found by id, else by e-mail, case-insensitively) is internal exactly
 *   when their organisation in the project is "internal";
 * - an address that is no project person is external unless its domain is exactly one of the
 *   tenant's own domains (sub-domains are not assumed internal; no domain is external).
 */
export function audienceOf(who: { personId?: string | null; email: string }, directory: AudienceDirectory): Audience {
  const email = who.email.trim().toLowerCase();
  const person =
    (who.personId ? directory.people.find((p) => p.id === who.personId) : undefined) ??
    (email === "" ? undefined : directory.people.find((p) => p.email.trim().toLowerCase() === email));
  if (person) return person.organisation === "internal" ? "internal" : "external";
  const domain = emailDomain(email);
  return domain !== null && directory.tenantDomains.some((d) => d.trim().toLowerCase() === domain) ? "internal" : "external";
}

/** "internal" only when every address is internal by `audienceOf` (an empty list is internal). */
export function audienceOfAll(who: readonly { email: string; personId?: string | null }[], directory: AudienceDirectory): Audience {
  return who.every((w) => audienceOf(w, directory) === "internal") ? "internal" : "external";
}

/** True when the audience may see content flagged internal only. */
export const seesInternal = (audience: Audience): boolean => audience === "internal";
