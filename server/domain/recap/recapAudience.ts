import type { Person } from "../../../contracts/types";
import { audienceOfAll } from "../audienceOf";
import type { RecapAudience } from "./recapInput";

export { emailDomain } from "../audienceOf";

/**
 * "internal" only when every recipient is internal by the one audience rule (server/domain/audienceOf.ts):
 * a project person by their organisation, any other address by whether its domain is exactly one of
 * the tenant's own domains (sub-domains are not assumed internal; an address without a domain is external).
 */
export function recapAudience(
  recipients: readonly { email: string }[],
  tenantDomains: readonly string[],
  people: readonly Pick<Person, "id" | "email" | "organisation">[],
): RecapAudience {
  return audienceOfAll(recipients, { people, tenantDomains });
}
