import { describe, expect, it } from "vitest";
import { checkManifest, isOnValidDomain } from "../../appPackage/checkManifest";
import { brokenManifest, CHECK_OPTIONS, filledManifest, ribbonButton } from "./helpers";

function problems(change: Parameters<typeof brokenManifest>[0], opts = CHECK_OPTIONS): string[] {
  return checkManifest(brokenManifest(change), opts);
}

describe("checkManifest: what the schema does not check", () => {
  it("passes the manifest filled from env/.env.local", () => {
    expect(checkManifest(filledManifest("local"), CHECK_OPTIONS)).toEqual([]);
  });

  it("fails a ribbon button whose actionId is not a runtime action", () => {
    const errors = problems((m) => {
      ribbonButton(m).actionId = "openCallbookPanel";
    });
    expect(errors).toEqual([
      'extensions[0].ribbons[0].tabs[0].groups[0].controls[0].actionId: actionId "openCallbookPanel" is not an action of any runtime (known: openCallbookPane)',
    ]);
  });

  it("fails a URL off the validDomains", () => {
    const errors = problems((m) => {
      const tab = m.staticTabs?.[0];
      if (tab) tab.contentUrl = "https://evil.example.com/?view=home";
    });
    expect(errors).toEqual([
      "staticTabs[0].contentUrl: https://evil.example.com/?view=home is not on a domain in validDomains (localhost:53000)",
    ]);
  });

  it("fails an http URL (the schema's anyHttpUrl lets it through)", () => {
    const errors = problems((m) => {
      const tab = m.configurableTabs?.[0];
      if (tab) tab.configurationUrl = "http://localhost:53000/config";
    });
    expect(errors).toEqual(["configurableTabs[0].configurationUrl: http://localhost:53000/config must use https"]);
  });

  it("fails a developer privacy URL on another domain (no exceptions for developer links)", () => {
    const errors = problems((m) => {
      m.developer.privacyUrl = "https://contoso.com/privacy";
    });
    expect(errors).toEqual([expect.stringContaining("developer.privacyUrl: https://contoso.com/privacy is not on a domain")]);
  });

  it("fails a package icon file that does not exist", () => {
    const errors = problems((m) => {
      m.icons.color = "colour.png";
    });
    expect(errors).toEqual(['icons.color: file "colour.png" not found in appPackage/']);
  });

  it("fails icons of the wrong size or colour", () => {
    const errors = problems((m) => {
      m.icons.color = "outline.png";
      m.icons.outline = "color.png";
    });
    expect(errors).toEqual([
      'icons.color: "outline.png" is 32x32, expected 192x192',
      'icons.outline: "color.png" is 192x192, expected 32x32',
      'icons.outline: "color.png" must be white on a transparent background',
    ]);
  });

  it("fails a ribbon icon URL with no file under public/, or of the wrong size", () => {
    const errors = problems((m) => {
      const icons = ribbonButton(m).icons;
      const [small, medium] = icons;
      if (small) small.url = "https://localhost:53000/icons/icon-61.png";
      if (medium) medium.url = "https://localhost:53000/icons/icon-80.png";
    });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/controls\[0\]\.icons\[0\]: https:\/\/localhost:53000\/icons\/icon-61\.png maps to .*public\/icons\/icon-61\.png, which does not exist/);
    expect(errors[1]).toBe(
      "extensions[0].ribbons[0].tabs[0].groups[0].controls[0].icons[1]: https://localhost:53000/icons/icon-80.png is 80x80, declared size 32",
    );
  });

  it("fails a misspelled RSC permission and one of the wrong type", () => {
    const errors = problems((m) => {
      const rsc = m.authorization?.permissions?.resourceSpecific ?? [];
      rsc[0] = { name: "OnlineMeetings.ReadBasic.Chat", type: "Application" };
      rsc[1] = { name: "ChatMember.Read.Chat", type: "Delegated" };
    });
    expect(errors).toEqual([
      'authorization.permissions.resourceSpecific[0]: unknown permission "OnlineMeetings.ReadBasic.Chat" (check the spelling)',
      'authorization.permissions.resourceSpecific[1]: "ChatMember.Read.Chat" is supported as Application, not Delegated',
    ]);
  });

  it("fails a second configurable tab and the groupchat spelling", () => {
    const errors = problems((m) => {
      const tab = m.configurableTabs?.[0];
      if (tab) m.configurableTabs = [tab, { ...tab, scopes: ["groupchat" as never] }];
    });
    expect(errors).toEqual([
      "configurableTabs: expected exactly one configurable tab, found 2",
      'configurableTabs[1].scopes[0]: scope "groupchat" must be spelled "groupChat"',
    ]);
  });

  it("fails a webApplicationInfo.resource that does not match the domain and client id", () => {
    const errors = problems((m) => {
      if (m.webApplicationInfo) m.webApplicationInfo.resource = "api://callbook.example.com/ca11b00c-0000-4000-8000-000000000002";
    });
    expect(errors).toEqual([expect.stringContaining("webApplicationInfo.resource")]);
  });

  it("fails a placeholder left unfilled", () => {
    const errors = problems((m) => {
      m.name.full = "Callbook${{APP_NAME_SUFFIX}}";
    });
    expect(errors).toEqual(['name.full: unfilled placeholder in "Callbook${{APP_NAME_SUFFIX}}"']);
  });

  it("matches validDomains entries with ports and wildcards", () => {
    expect(isOnValidDomain("localhost:53000", ["localhost:53000"])).toBe(true);
    expect(isOnValidDomain("localhost:53001", ["localhost:53000"])).toBe(false);
    expect(isOnValidDomain("dev.callbook.example.com", ["*.callbook.example.com"])).toBe(true);
    expect(isOnValidDomain("callbook.example.com", ["*.callbook.example.com"])).toBe(false);
    expect(isOnValidDomain("evilcallbook.example.com", ["*.callbook.example.com"])).toBe(false);
  });
});
