import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame } from "playwright-core";
import { callTypes } from "../../contracts/types";
import { appFrame, setHostTheme } from "../support/teamsHost/teamsHost";
import { callApi, openParticipant, startTeamsSession, waitUntilLive, type Participant, type TeamsSession } from "./teamsSession";

// No control wider than the 320 px side panel, at any call type, in any theme (issue 16: the
// call-type select was 334 px on a vendor call).

/** Every rendered element whose box sticks out past the frame's width, described for the failure message. */
async function tooWide(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 0.5 || r.left < -0.5) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).slice(0, 40)} ${Math.round(r.left)}–${Math.round(r.right)} > ${width}`);
    }
    if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    return out;
  });
}

describe("Teams side panel at 320 px: nothing wider than the panel", () => {
  let s: TeamsSession;
  let dana: Participant;

  beforeAll(async () => {
    s = await startTeamsSession();
    dana = await openParticipant(s, "dana", { width: 320, height: 800 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(callTypes)("%s call: in light, dark and high contrast", async (callType) => {
    await callApi(s, "dana", `/meetings/${s.meetingId}/call-type`, { method: "PUT", json: { callType } });
    await dana.page.reload();
    const frame = await appFrame(dana.page);
    await waitUntilLive(frame);
    await frame.getByRole("heading", { name: /^Agenda · / }).waitFor();
    // The capture preview and the full form are part of the panel too.
    await frame.getByRole("textbox", { name: /^Capture/ }).fill("Rachel: send the rota by Fri");
    await frame.getByRole("button", { name: "More fields" }).click();
    for (const theme of ["default", "dark", "contrast"] as const) {
      await setHostTheme(dana.page, theme);
      await expect.poll(() => frame.locator("[data-theme]").getAttribute("data-theme")).toBe(theme);
      expect(await tooWide(frame), `${callType}, ${theme}`).toEqual([]);
    }
  });

  it("puts the capture line's Add button beside the input, not beside the hint under it", async () => {
    const frame = await appFrame(dana.page);
    await waitUntilLive(frame);
    const form = frame.getByRole("form", { name: "Capture" });
    const input = await form.getByRole("textbox", { name: /^Capture/ }).boundingBox();
    const add = await form.getByRole("button", { name: "Add", exact: true }).boundingBox();
    if (!input || !add) throw new Error("capture line not rendered");
    // Same row: top and bottom edges within a pixel.
    expect(Math.abs(add.y - input.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(add.y + add.height - (input.y + input.height))).toBeLessThanOrEqual(1);
  });
});
