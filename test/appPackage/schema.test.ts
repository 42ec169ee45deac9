import { describe, expect, it } from "vitest";
import { validateAgainstSchema } from "../../appPackage/validateManifest";
import { brokenManifest, filledManifest } from "./helpers";

async function schemaErrors(manifest: Parameters<typeof validateAgainstSchema>[0]): Promise<string[]> {
  const errors = await validateAgainstSchema(manifest);
  if (errors.length > 0) console.log(`schema errors:\n  ${errors.join("\n  ")}`);
  return errors;
}

describe("manifest against the bundled v1.30 schema (offline)", () => {
  it("the manifest filled from env/.env.local has no schema errors", async () => {
    expect(await schemaErrors(filledManifest("local"))).toEqual([]);
  });

  it("declares the meeting tab, the personal tab and the Outlook meeting button", () => {
    const m = filledManifest();
    expect(m.manifestVersion).toBe("1.30");
    expect(m.configurableTabs).toEqual([
      {
        configurationUrl: "https://localhost:53000/config",
        canUpdateConfiguration: true,
        scopes: ["groupChat"],
        context: ["meetingSidePanel", "meetingChatTab", "meetingDetailsTab", "meetingStage"],
      },
    ]);
    expect(m.staticTabs?.[0]).toMatchObject({ name: "Callbook", contentUrl: "https://localhost:53000/?view=home", scopes: ["personal"] });
    expect(m.webApplicationInfo?.resource).toBe(`api://localhost:53000/${m.webApplicationInfo?.id}`);
    expect(m.extensions?.[0]?.requirements?.scopes).toEqual(["mail"]);
    expect(m.extensions?.[0]?.ribbons?.[0]?.contexts).toEqual(["meetingDetailsOrganizer", "meetingDetailsAttendee"]);
  });

  it("rejects the lowercase scope groupchat", async () => {
    const m = brokenManifest((x) => {
      const tab = x.configurableTabs?.[0];
      if (tab) tab.scopes = ["groupchat" as never];
    });
    const errors = await schemaErrors(m);
    expect(errors.some((e) => e.includes("/configurableTabs/0/scopes/0") && e.includes("allowed values"))).toBe(true);
  });

  it("rejects a configurable tab without configurationUrl", async () => {
    const m = brokenManifest((x) => {
      const tab = x.configurableTabs?.[0];
      if (tab) Reflect.deleteProperty(tab, "configurationUrl");
    });
    expect((await schemaErrors(m)).join("\n")).toContain("must have required property 'configurationUrl'");
  });

  it("rejects an unknown property", async () => {
    const m = brokenManifest((x) => Object.assign(x, { meetingTabs: [] }));
    expect((await schemaErrors(m)).join("\n")).toContain('"additionalProperty":"meetingTabs"');
  });

  it("rejects a ribbon button with fewer than three icons (16, 32 and 80 are required)", async () => {
    const m = brokenManifest((x) => {
      const control = x.extensions?.[0]?.ribbons?.[0]?.tabs[0]?.groups?.[0]?.controls?.[0];
      if (control) control.icons = control.icons.slice(0, 2);
    });
    expect((await schemaErrors(m)).join("\n")).toContain("must NOT have fewer than 3 items");
  });

  it("refuses a $schema that would need the network", async () => {
    const m = brokenManifest((x) => {
      x.$schema = "https://example.com/teams.schema.json";
    });
    expect(await validateAgainstSchema(m)).toEqual([expect.stringContaining("to validate offline")]);
  });
});
