import { describe, expect, it } from "vitest";
import { validateAgainstSchema } from "../../appPackage/validateManifest";
import { KNOWN_RSC_PERMISSIONS } from "../../appPackage/rscPermissions";
import { brokenManifest, filledManifest } from "./helpers";

// The meeting bot in the app package (issue 18): a groupChat bot whose id comes from env/ (BOT_ID),
// and the RSC permissions its calls need, each a known name of the right type.

describe("bot in the app package", () => {
  it("declares the bot for meeting chats with the id from env/.env.local", () => {
    const m = filledManifest();
    expect(m.bots).toEqual([{ botId: "ca11b00c-0000-4000-8000-000000000004", scopes: ["groupChat"], supportsFiles: false, isNotificationOnly: false }]);
  });

  it("asks for the RSC permissions of meeting events, targeted notifications and chat cards", () => {
    const rsc = filledManifest().authorization?.permissions?.resourceSpecific ?? [];
    expect(rsc).toEqual(
      expect.arrayContaining([
        { name: "OnlineMeeting.ReadBasic.Chat", type: "Application" },
        { name: "OnlineMeetingNotification.Send.Chat", type: "Application" },
        { name: "ChatMessage.Send.Chat", type: "Application" },
        { name: "OnlineMeetingParticipant.Read.Chat", type: "Application" },
        // Share to stage from the side panel (meeting.shareAppContentToStage).
        { name: "MeetingStage.Write.Chat", type: "Delegated" },
      ]),
    );
    for (const p of rsc) expect(KNOWN_RSC_PERMISSIONS[p.name], p.name).toContain(p.type);
  });

  it("validates offline against v1.30, and the schema refuses a bot without an id", async () => {
    expect(await validateAgainstSchema(filledManifest())).toEqual([]);
    const broken = brokenManifest((m) => {
      delete (m.bots?.[0] as { botId?: string } | undefined)?.botId;
    });
    expect((await validateAgainstSchema(broken)).join("\n")).toContain("botId");
  });
});
