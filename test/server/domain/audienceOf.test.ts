import { describe, expect, it } from "vitest";
import { audienceOf, audienceOfAll } from "../../../server/domain/audienceOf";
import { recapAudience } from "../../../server/domain/recap/recapAudience";

const people = [
  { id: "dana", email: "dana.whitfield@contoso.com", organisation: "internal" as const },
  { id: "rachel", email: "rachel.stone@riverbendutilities.com", organisation: "customer" as const },
  { id: "steve", email: "steve.novak@meridiancis.com", organisation: "vendor" as const },
  // A customer person whose mailbox is on the tenant's domain (a B2B guest account): still external.
  { id: "guest", email: "ben.foster@contoso.com", organisation: "customer" as const },
  // An internal person on another domain (a contractor mailbox): still internal.
  { id: "contractor", email: "tom@contractor.io", organisation: "internal" as const },
];
const directory = { people, tenantDomains: ["contoso.com"] };

describe("audienceOf", () => {
  it.each([
    ["internal member by id", { personId: "dana", email: "" }, "internal"],
    ["customer member by id", { personId: "rachel", email: "rachel.stone@riverbendutilities.com" }, "external"],
    ["vendor member by e-mail, any case", { email: "Steve.Novak@MeridianCIS.com" }, "external"],
    ["customer person on the tenant's domain", { email: "ben.foster@contoso.com" }, "external"],
    ["internal person on another domain", { email: "TOM@contractor.io" }, "internal"],
    ["unknown address on the tenant's domain", { email: "someone.new@contoso.com" }, "internal"],
    ["unknown address on a sub-domain", { email: "someone@eu.contoso.com" }, "external"],
    ["unknown address on a look-alike domain", { email: "someone@contoso.com.evil.io" }, "external"],
    ["an address without a domain", { email: "Dana Whitfield" }, "external"],
  ] as const)("%s", (_label, who, expected) => {
    expect(audienceOf(who, directory)).toBe(expected);
  });

  it("is external for everyone not a person when the tenant has no domains", () => {
    expect(audienceOf({ email: "x@contoso.com" }, { people, tenantDomains: [] })).toBe("external");
  });

  it("makes a list internal only when every address is", () => {
    expect(audienceOfAll([{ email: "dana.whitfield@contoso.com" }, { email: "tom@contractor.io" }], directory)).toBe("internal");
    expect(audienceOfAll([{ email: "dana.whitfield@contoso.com" }, { email: "ben.foster@contoso.com" }], directory)).toBe("external");
  });

  it("is the rule the recap uses (a guest on the tenant domain makes the recap external)", () => {
    expect(recapAudience([{ email: "dana.whitfield@contoso.com" }, { email: "ben.foster@contoso.com" }], ["contoso.com"], people)).toBe("external");
  });
});
