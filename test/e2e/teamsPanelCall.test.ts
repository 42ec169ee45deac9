import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame, Locator } from "playwright-core";
import type { CaptureDto } from "../../contracts/capture";
import { callApi, openParticipant, startTeamsSession, waitUntilLive, type Participant, type TeamsSession } from "./teamsSession";

// The side panel as a PM uses it during the call, at 320 × 800: the agenda first, capture in one line.

function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The coming Friday after today, in the browser's zone (the parser's rule: on a Friday, a week away). */
function comingFriday(now: Date): string {
  const d = new Date(now);
  d.setDate(d.getDate() + (((5 - d.getDay() + 7) % 7) || 7));
  return isoDay(d);
}

/**
 * Opens a Fluent Combobox the way a PM does, with a mouse click on the field (Playwright's click: pointer down
 * and up at its centre, refused while something else covers that point), and checks what they see: the list
 * is open, the field is still what lies under the pointer (no layer over the panel), and the list stays open
 * while the pointer moves onto its first option. Returns the list.
 */
async function openWithMouse(frame: Frame, combobox: Locator): Promise<Locator> {
  await combobox.click({ timeout: 10_000 });
  await expect.poll(() => combobox.getAttribute("aria-expanded")).toBe("true");
  const listbox = frame.locator(`[id="${await combobox.getAttribute("aria-controls")}"]`);
  await listbox.getByRole("option").first().hover();
  expect(await combobox.getAttribute("aria-expanded")).toBe("true");
  expect(await listbox.isVisible()).toBe(true);
  const fieldOnTop = await combobox.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el === document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  });
  expect(fieldOnTop, "the field is still under the pointer, not a layer over the panel").toBe(true);
  return listbox;
}

describe("Teams side panel during the call, at 320 × 800", () => {
  let s: TeamsSession;
  let dana: Participant;

  beforeAll(async () => {
    s = await startTeamsSession();
    dana = await openParticipant(s, "dana", { width: 320, height: 800 });
    await waitUntilLive(dana.frame);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("shows the agenda and the current-item strip in the first viewport", async () => {
    const heading = dana.frame.getByRole("heading", { name: /^Agenda · / });
    await heading.waitFor();
    const box = await heading.boundingBox();
    expect(box).not.toBeNull();
    // The frame's own coordinates: the first item's heading starts inside the 800 px panel.
    const firstItem = dana.frame.locator("[data-agenda-item]").first().getByRole("heading");
    const top = await firstItem.evaluate((el) => el.getBoundingClientRect().bottom);
    expect(top).toBeLessThan(800);
    await dana.frame.getByTestId("current-strip").waitFor();
  });

  it("parses 'Rachel: send the rota by Fri' into owner and due date, shows it before saving, and saves it", async () => {
    const line = dana.frame.getByRole("textbox", { name: /^Capture/ });
    await line.fill("Rachel: send the rota by Fri");
    const preview = dana.frame.getByTestId("capture-preview");
    await expect.poll(async () => preview.getByRole("combobox", { name: "Owner" }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? "")).toContain("Rachel Stone");
    const friday = comingFriday(new Date());
    expect(await preview.getByLabel("Due").inputValue()).toBe(friday);

    await dana.frame.getByRole("form", { name: "Capture" }).getByRole("button", { name: "Add", exact: true }).click();
    const added = dana.frame.getByTestId("added");
    await expect.poll(() => added.textContent()).toContain("Added action item “Send the rota” (owner Rachel Stone, due");
    const capture = await callApi<CaptureDto>(s, "dana", `/meetings/${s.meetingId}/capture`);
    expect(capture.items.filter((i) => i.title === "Send the rota").map((i) => [i.ownerName, i.dueDate])).toEqual([["Rachel Stone", friday]]);
  });

  it("lets the owner and date be changed before saving, and takes an item back with Undo", async () => {
    const line = dana.frame.getByRole("textbox", { name: /^Capture/ });
    await line.fill("Marcus: book the UAT room by tomorrow");
    const preview = dana.frame.getByTestId("capture-preview");
    await preview.getByRole("combobox", { name: "Owner" }).selectOption({ label: "Dana Whitfield" });
    await preview.getByLabel("Due").fill("2027-01-15");
    await line.press("Enter");
    await expect.poll(() => dana.frame.getByTestId("added").textContent()).toContain("owner Dana Whitfield");
    await expect.poll(async () => (await callApi<CaptureDto>(s, "dana", `/meetings/${s.meetingId}/capture`)).items.find((i) => i.title === "Book the UAT room")?.dueDate).toBe("2027-01-15");

    await dana.frame.getByTestId("added").getByRole("button", { name: "Undo" }).click();
    await dana.frame.getByText(/^Undone/).waitFor();
    await expect.poll(async () => (await callApi<CaptureDto>(s, "dana", `/meetings/${s.meetingId}/capture`)).items.find((i) => i.title === "Book the UAT room")?.status).toBe("closed");
  });

  it("picks a dependency's provider and recipient from the project's people: the provider owns it, 'before' is the due date", async () => {
    await dana.frame.getByRole("button", { name: "More fields" }).click();
    const form = dana.frame.getByRole("form", { name: "Capture with all fields" });
    await form.getByRole("textbox", { name: /^Action/ }).fill("Returned-payment file spec");
    await form.getByRole("checkbox", { name: "Someone depends on this" }).check();
    // Both pickers are opened with the mouse and the person is picked with the mouse.
    const provider = form.getByRole("combobox", { name: /^Provider/ });
    await (await openWithMouse(dana.frame, provider)).getByRole("option", { name: "Marcus Lee" }).click();
    expect(await provider.inputValue()).toBe("Marcus Lee");
    const recipient = form.getByRole("combobox", { name: /^Recipient/ });
    await (await openWithMouse(dana.frame, recipient)).getByRole("option", { name: /^Rachel Stone/ }).click();
    expect(await recipient.inputValue()).toMatch(/^Rachel Stone/);
    await form.getByRole("textbox", { name: /^Deliverable/ }).fill("the file spec");
    await form.getByLabel(/^Before/).fill("2026-12-18");
    await expect.poll(() => form.getByTestId("dependency-preview").textContent()).toMatch(/^Marcus Lee provides the file spec to Rachel Stone before /);
    await form.getByRole("button", { name: "Add action item" }).click();
    await expect.poll(async () => (await callApi<CaptureDto>(s, "dana", `/meetings/${s.meetingId}/capture`)).items.find((i) => i.title === "Returned-payment file spec")).toMatchObject({
      ownerName: "Marcus Lee",
      dueDate: "2026-12-18",
      provider: "Marcus Lee",
      recipient: "Rachel Stone",
    });
    await form.getByRole("button", { name: "Close the form" }).click();
  });

  it("opens each of the panel's pop-up lists with a mouse click, keeps it open, and closes it with a second click", async () => {
    // The panel's Fluent pop-ups: the dependency's Provider and Recipient pickers (full capture form) and the
    // recap's "Add a recipient" suggestions. The call type, the capture kind and a RAID line's owner and date
    // editors are Fluent Selects and Inputs: the browser's own list, nothing laid over the panel.
    await dana.frame.getByRole("button", { name: "More fields" }).click();
    const form = dana.frame.getByRole("form", { name: "Capture with all fields" });
    await form.getByRole("checkbox", { name: "Someone depends on this" }).check();
    for (const name of [/^Provider/, /^Recipient/]) {
      const picker = form.getByRole("combobox", { name });
      await openWithMouse(dana.frame, picker);
      // A second click on the field reaches it too, and closes the list.
      await picker.click({ timeout: 10_000 });
      await expect.poll(() => picker.getAttribute("aria-expanded")).toBe("false");
    }
    await form.getByRole("button", { name: "Close the form" }).click();

    await dana.frame.getByRole("button", { name: "Prepare the recap" }).click();
    const recap = dana.frame.getByRole("region", { name: "Recap" });
    const suggestions = await openWithMouse(dana.frame, recap.getByRole("combobox", { name: "Add a recipient" }));
    const first = suggestions.getByRole("option").first();
    const email = (await first.locator("span > span").last().textContent()) ?? "";
    await first.click();
    await recap.getByRole("list", { name: "Recipients" }).locator(`[title="${email}"]`).waitFor();
  });

  it("shows a meeting Callbook does not know as a setup step with the link action, not an error", async () => {
    const other = await openParticipant(s, "dana", { width: 320, height: 800, chatId: "19:meeting_NotLinkedYet0001@thread.v2" });
    try {
      await other.frame.getByRole("heading", { name: "Link this meeting to a project" }).waitFor();
      expect(await other.frame.getByText("Something went wrong").count()).toBe(0);
      await other.frame.getByRole("combobox", { name: /^Project/ }).selectOption({ index: 1 });
      await other.frame.getByRole("button", { name: "Link this meeting" }).click();
      await waitUntilLive(other.frame);
      await other.frame.getByRole("heading", { name: /^Agenda · / }).waitFor();
    } finally {
      await other.context.close();
    }
  });

  it("puts the cursor in the capture line with Alt+Shift+C, named in the field's hint", async () => {
    await dana.frame.getByRole("heading", { name: /^Agenda · / }).click();
    await dana.page.keyboard.press("Alt+Shift+KeyC");
    await expect.poll(() => dana.frame.evaluate(() => document.activeElement?.getAttribute("aria-keyshortcuts"))).toBe("Alt+Shift+C");
    expect(await dana.frame.getByText(/Alt\+Shift\+C jumps here/).count()).toBe(1);
  });
});
