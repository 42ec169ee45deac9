import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import type { CaptureDto } from "../../contracts/capture";
import { callApi, openParticipant, startTeamsSession, waitUntilLive, type Participant, type TeamsSession } from "./teamsSession";

// Two participants of one meeting, each in their own browser profile, both inside the fake Teams host.

/** One-line capture: "Marcus: Send the cutover checklist" (the owner picked again in the preview when given). */
async function addAction(frame: Frame, title: string, owner?: string): Promise<void> {
  await frame.getByRole("textbox", { name: /^Capture/ }).fill(title);
  if (owner) await frame.getByTestId("capture-preview").getByRole("combobox", { name: "Owner" }).selectOption({ label: owner });
  await frame.getByRole("form", { name: "Capture" }).getByRole("button", { name: "Add", exact: true }).click();
}

const item = (frame: Frame, title: string) => frame.getByTestId("item").filter({ has: frame.getByText(title, { exact: true }) });

describe("Teams side panel, live for everyone", () => {
  let s: TeamsSession;
  let dana: Participant;
  let marcus: Participant;

  beforeAll(async () => {
    s = await startTeamsSession();
    [dana, marcus] = await Promise.all([openParticipant(s, "dana"), openParticipant(s, "marcus")]);
    await Promise.all([waitUntilLive(dana.frame), waitUntilLive(marcus.frame)]);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("shows one participant's new action item to the other, and the other's edit to the first", async () => {
    await addAction(dana.frame, "Send the cutover checklist", "Marcus Lee");
    const seen = item(marcus.frame, "Send the cutover checklist");
    await seen.waitFor();
    await expect.poll(() => seen.textContent()).toContain("Owner: Marcus Lee");

    await seen.getByRole("button", { name: "Edit Send the cutover checklist" }).click();
    await seen.getByRole("textbox", { name: /^Title/ }).fill("Send the signed cutover checklist");
    await seen.getByRole("button", { name: "Save" }).click();
    await item(dana.frame, "Send the signed cutover checklist").waitFor();
  });

  it("turns a concurrent edit of the same item into a visible conflict, not a lost update", async () => {
    await addAction(dana.frame, "Book the UAT room");
    const atDana = item(dana.frame, "Book the UAT room");
    const atMarcus = item(marcus.frame, "Book the UAT room");
    await atMarcus.waitFor();
    await expect.poll(() => atDana.getByText("Not yet saved").count()).toBe(0);
    // Both open the editor on the same version.
    await atDana.getByRole("button", { name: /^Edit/ }).click();
    await atMarcus.getByRole("button", { name: /^Edit/ }).click();
    await atDana.getByRole("textbox", { name: /^Title/ }).fill("Book the UAT room for Monday");
    await atDana.getByRole("button", { name: "Save" }).click();
    await item(marcus.frame, "Book the UAT room for Monday").waitFor();

    const marcusForm = marcus.frame.getByRole("form", { name: "Edit Book the UAT room" });
    await marcusForm.getByRole("textbox", { name: /^Title/ }).fill("Book the UAT room for Tuesday");
    await marcusForm.getByRole("button", { name: "Save" }).click();
    const conflict = marcus.frame.getByTestId("conflict");
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain("Changed by someone else: now ‘Book the UAT room for Monday’");
    expect(await conflict.textContent()).toContain("Book the UAT room for Tuesday");

    await conflict.getByRole("button", { name: "Apply mine again" }).click();
    await item(dana.frame, "Book the UAT room for Tuesday").waitFor();
    const capture = await callApi<CaptureDto>(s, "dana", `/meetings/${s.meetingId}/capture`);
    expect(capture.items.filter((i) => i.title.startsWith("Book the UAT room")).map((i) => [i.title, i.version])).toEqual([["Book the UAT room for Tuesday", 3]]);
  });

  it("can be used from the keyboard: capture with Enter, mark the current agenda item, tick it discussed", async () => {
    const title = dana.frame.getByRole("textbox", { name: /^Capture/ });
    await title.focus();
    await dana.page.keyboard.type("Confirm the parallel-run dates");
    await dana.page.keyboard.press("Enter");
    await item(marcus.frame, "Confirm the parallel-run dates").waitFor();
    await expect.poll(() => title.inputValue()).toBe("");

    await dana.frame.getByRole("button", { name: "Make current: Status report" }).focus();
    await dana.page.keyboard.press("Enter");
    await dana.frame.getByRole("checkbox", { name: "Discussed: Status report" }).focus();
    await dana.page.keyboard.press("Space");
    const atMarcus = marcus.frame.locator("[data-agenda-item=status_report]");
    await expect.poll(() => atMarcus.getAttribute("aria-current")).toBe("step");
    await expect.poll(() => atMarcus.getByRole("checkbox", { name: "Discussed: Status report" }).isChecked()).toBe(true);
    await atMarcus.getByTestId("time-used").waitFor();
    // The shared timer counts from when Dana made it current, not from the call's scheduled start.
    expect(await atMarcus.getByTestId("time-used").textContent()).toMatch(/^[0-2] of \d+ min$/);
  });

  it("re-dates and closes an item carried over from the previous call, for everyone", async () => {
    const title = "Meridian to send the returned-payment file spec";
    const carried = (frame: Frame) => frame.getByRole("list", { name: "Carried over" }).getByTestId("item").filter({ hasText: title });
    await carried(marcus.frame).getByRole("button", { name: `Re-date ${title}` }).click();
    await carried(marcus.frame).getByLabel("Due date").fill("2026-12-04");
    await carried(marcus.frame).getByRole("button", { name: "Save" }).click();
    // The panel's one formatter: the viewer's locale, the year left out for this year's dates.
    await expect.poll(() => carried(dana.frame).textContent()).toMatch(/Due Fri,? (Dec 4|4 Dec)/);
    await carried(dana.frame).getByRole("button", { name: `Close ${title}` }).click();
    await carried(marcus.frame).getByText("Closed", { exact: true }).waitFor();
  });

  it("re-dates a past-due RAID item from the agenda's RAID review, and the other participant sees it", async () => {
    const pastDue = (frame: Frame) => frame.locator("[data-agenda-item]").getByTestId("raid-line").filter({ hasText: "Past due" });
    await pastDue(dana.frame).first().waitFor();
    const before = await pastDue(dana.frame).count();
    const raidId = await pastDue(dana.frame).first().getAttribute("data-raid-id");
    const line = (frame: Frame) => frame.locator(`[data-agenda-item] [data-raid-id="${raidId}"]`).first();
    // The heading of the agenda item holding the line ("11 open items: 3 past due, …") follows the edit too, without a reload.
    const key = await line(dana.frame).evaluate((el) => el.closest("[data-agenda-item]")?.getAttribute("data-agenda-item") ?? "");
    const summary = (frame: Frame) => frame.locator(`[data-agenda-item="${key}"]`).getByTestId("agenda-summary");
    const pastDueCount = async (frame: Frame) => Number(/(\d+) past due/.exec((await summary(frame).textContent()) ?? "")?.[1] ?? NaN);
    const summaryBefore = await pastDueCount(dana.frame);
    expect(await pastDueCount(marcus.frame)).toBe(summaryBefore);
    await line(dana.frame).getByRole("button", { name: /^Re-date / }).click();
    await line(dana.frame).getByLabel("Due date").fill("2027-01-15");
    await line(dana.frame).getByRole("button", { name: "Save" }).click();
    await expect.poll(() => line(marcus.frame).getByTestId("raid-facts").textContent()).toMatch(/Due .*15 Jan|Due .*Jan 15/);
    expect(await line(marcus.frame).getByText("Past due").count()).toBe(0);
    await expect.poll(() => pastDue(marcus.frame).count()).toBeLessThan(before);
    await expect.poll(() => pastDueCount(dana.frame)).toBe(summaryBefore - 1);
    await expect.poll(() => pastDueCount(marcus.frame)).toBe(summaryBefore - 1);
    const capture = await callApi<CaptureDto>(s, "marcus", `/meetings/${s.meetingId}/capture`);
    expect(capture.projectRaid?.find((i) => i.id === raidId)?.dueDate).toBe("2027-01-15");
  });

  it("keeps what is typed offline in a queue and saves each item exactly once when back online", async () => {
    const titles = ["Offline one", "Offline two", "Offline three"];
    await dana.context.setOffline(true);
    for (const t of titles) await addAction(dana.frame, t);
    await expect.poll(() => dana.frame.getByTestId("unsynced").textContent()).toBe("3 unsynced");
    for (const t of titles) expect(await item(dana.frame, t).getByText("Not yet saved").count()).toBe(1);

    await dana.context.setOffline(false);
    await expect.poll(() => dana.frame.getByTestId("unsynced").textContent(), { timeout: 15_000 }).toBe("All changes saved");
    const capture = await callApi<CaptureDto>(s, "dana", `/meetings/${s.meetingId}/capture`);
    for (const t of titles) expect(capture.items.filter((i) => i.title === t)).toHaveLength(1);
    for (const t of titles) await item(marcus.frame, t).waitFor();
  });
});
