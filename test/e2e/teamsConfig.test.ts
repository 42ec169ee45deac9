import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { MeetingDetail, MeetingLookup } from "../../contracts/meetings";
import { demoChatId, hostState, pressHostSave } from "../support/teamsHost/teamsHost";
import { callApi, openParticipant, startTeamsSession, type TeamsSession } from "./teamsSession";

describe("Teams tab configuration page", () => {
  let s: TeamsSession;
  beforeAll(async () => {
    s = await startTeamsSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it("pre-selects the project and recognised call type of a meeting Callbook already knows", async () => {
    const { page, frame } = await openParticipant(s, "dana", { frameContext: "settings", path: "/config", width: 600 });
    const project = frame.getByRole("combobox", { name: /^Project/ });
    await expect.poll(() => project.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toMatch(/^Riverbend/);
    const callType = frame.getByRole("combobox", { name: "Call type" });
    expect(await callType.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe("Customer status call");
    await expect.poll(async () => (await hostState(page)).validity).toBe(true);
    // Saving the classifier's own pick keeps the call type automatic rather than freezing it.
    expect((await pressHostSave(page)).ok).toBe(true);
    const meeting = await callApi<MeetingDetail>(s, "dana", `/meetings/by-chat?chatId=${encodeURIComponent(demoChatId("m_cust"))}`);
    expect(meeting).toMatchObject({ callType: "customer_status", overridden: false });
    await page.context().close();
  });

  it("links a new meeting to the chosen project and call type, and gives the host a content URL ending in /panel", async () => {
    const chatId = demoChatId("m_new_config");
    const { page, frame } = await openParticipant(s, "dana", { frameContext: "settings", path: "/config", chatId, width: 600 });
    const project = frame.getByRole("combobox", { name: /^Project/ });
    await project.waitFor();
    await expect.poll(async () => (await hostState(page)).validity).toBe(false);
    await expect.poll(() => project.locator("option").count()).toBeGreaterThan(1);
    expect(await frame.getByRole("combobox", { name: "Call type" }).inputValue()).toBe("auto");
    await project.selectOption({ index: 1 });
    await frame.getByRole("combobox", { name: "Call type" }).selectOption({ label: "Triage call" });
    await expect.poll(async () => (await hostState(page)).validity).toBe(true);

    const saved = await pressHostSave(page);
    expect(saved.ok).toBe(true);
    expect(saved.settings?.contentUrl).toBe(`${s.appOrigin}/panel`);
    expect(saved.settings?.contentUrl?.endsWith("/panel")).toBe(true);
    const meeting = await callApi<MeetingDetail>(s, "dana", `/meetings/by-chat?chatId=${encodeURIComponent(chatId)}`);
    expect(meeting).toMatchObject({ callType: "triage", overridden: true });
    expect(meeting.projectId).toBe(await project.inputValue());
    await page.context().close();
  });

  it("links a channel meeting whose context has no chat id, by its teams-js meeting.id (fixture teams-js-channel-meeting-id.json)", async () => {
    const fixture = JSON.parse(readFileSync(new URL("../fixtures/realworld/teams-links/teams-js-channel-meeting-id.json", import.meta.url), "utf8")) as { meetingId: string };
    const { page, frame } = await openParticipant(s, "dana", { frameContext: "settings", path: "/config", chatId: null, meetingId: fixture.meetingId, width: 600 });
    const project = frame.getByRole("combobox", { name: /^Project/ });
    await project.waitFor();
    await expect.poll(() => project.locator("option").count()).toBeGreaterThan(1);
    await project.selectOption({ index: 1 });
    await expect.poll(async () => (await hostState(page)).validity).toBe(true);
    expect((await pressHostSave(page)).ok).toBe(true);
    const meeting = await callApi<MeetingDetail>(s, "dana", `/meetings/by-chat?meetingId=${encodeURIComponent(fixture.meetingId)}`);
    expect(meeting.projectId).toBe(await project.inputValue());
    // The Outlook pane finds the same channel meeting from its join link.
    const link = JSON.parse(readFileSync(new URL("../fixtures/realworld/teams-links/channel-meeting-tacv2.json", import.meta.url), "utf8")) as { link: string };
    const found = await callApi<MeetingLookup>(s, "dana", `/meetings/lookup?joinUrl=${encodeURIComponent(link.link)}`);
    expect(found.meeting?.id).toBe(meeting.id);
    await page.context().close();
  });

  it("in a host whose runtime has no pages.config, says in a sentence that Teams cannot set the tab up here, and never touches the Save button", async () => {
    const { page, frame } = await openParticipant(s, "dana", { frameContext: "settings", path: "/config", width: 600, unsupported: ["pages.config"] });
    const alert = frame.getByRole("alert").filter({ hasText: "Teams cannot do this here" });
    await alert.waitFor();
    expect(await alert.innerText()).toContain("Setting up the Callbook tab is not something this Teams app version or device offers.");
    expect(await alert.innerText()).not.toMatch(/host_capability|pages\.config|isSupported/);
    // Nothing was registered or validated against a capability the host does not have.
    const state = await hostState(page);
    expect(state.validity).toBeNull();
    expect(state.received).not.toContain("settings.setValidityState");
    await page.context().close();
  });
});
