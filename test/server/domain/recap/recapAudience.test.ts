import { describe, expect, it } from "vitest";
import { escapeHtml, recapAudience } from "../../../../server/domain/recap/composeRecap";
import { recapRecipients } from "../../../../server/domain/recap/recapRecipients";
import { wrapText } from "../../../../server/domain/recap/renderRecapText";
import { attendee, dana, INTERNAL_DOMAINS, marcus, people, priya, project, rachel } from "./recapFixtures";

describe("recapAudience", () => {
  it("is internal only when every recipient is at an internal domain", () => {
    expect(recapAudience([dana, marcus], INTERNAL_DOMAINS, [])).toBe("internal");
    expect(recapAudience([dana, rachel], INTERNAL_DOMAINS, [])).toBe("external");
  });

  it("matches domains exactly, ignoring case", () => {
    expect(recapAudience([{ email: "Dana.Whitfield@CONTOSO.COM" }], INTERNAL_DOMAINS, [])).toBe("internal");
    expect(recapAudience([{ email: "dana@eu.contoso.com" }], INTERNAL_DOMAINS, [])).toBe("external");
    expect(recapAudience([{ email: "dana@contoso.com.evil.io" }], INTERNAL_DOMAINS, [])).toBe("external");
  });

  it("counts an address without a domain, or no internal domains at all, as external", () => {
    expect(recapAudience([{ email: "Dana Whitfield" }], INTERNAL_DOMAINS, [])).toBe("external");
    expect(recapAudience([dana], [], [])).toBe("external");
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in content and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  });
});

describe("recapRecipients", () => {
  it("drops the sender and duplicates whatever their case", () => {
    const { to } = recapRecipients({
      callType: "customer_status",
      attendees: [attendee(dana), attendee(rachel), { name: "Rachel Stone", email: "RACHEL.STONE@riverbendutilities.com" }],
      sender: { name: "Dana", email: "DANA.WHITFIELD@contoso.com" },
      project,
      people,
      internalDomains: INTERNAL_DOMAINS,
    });

    expect(to).toEqual([attendee(rachel)]);
  });

  it("copies PM and IM on other calls when they did not attend, never customer people", () => {
    const { to, cc } = recapRecipients({
      callType: "vendor",
      attendees: [attendee(priya)],
      sender: attendee(priya),
      project,
      people,
      internalDomains: INTERNAL_DOMAINS,
    });

    expect(to).toEqual([]);
    expect(cc).toEqual([attendee(dana), attendee(marcus)]);
  });
});

describe("wrapText", () => {
  it("wraps with a hanging indent and never breaks a long word", () => {
    const url = `https://contoso.sharepoint.com/${"x".repeat(80)}`;
    const lines = wrapText(`See the recording at ${url} before Friday`, "- ", "  ", 40);

    expect(lines).toEqual(["- See the recording at", `  ${url}`, "  before Friday"]);
  });
});
