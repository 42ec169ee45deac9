import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import type { Frame } from "playwright-core";
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from "@fluentui/react-components";
import { setHostTheme } from "../support/teamsHost/teamsHost";
import { demoId } from "../../server/db/demo/seedDemo";
import { demoProjectId } from "../support/testApp";
import { callApi, openParticipant, startTeamsSession, waitUntilLive, type TeamsSession } from "./teamsSession";

// Theme changes from the host, accessibility (axe-core) in light and dark, and the README's screenshots.

const AXE = "node_modules/axe-core/axe.min.js";

function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

async function seriousViolations(frame: Frame): Promise<Violation[]> {
  if (!(await frame.evaluate(() => "axe" in window))) await frame.evaluate(readFileSync(AXE, "utf8")); // not an inline <script>: the CSP refuses those
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; any: { data: unknown }[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} ${JSON.stringify(n.any[0]?.data ?? null)}`) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Fluent animates colours: wait for the theme itself, not a frame of the transition to it. */
async function settled(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
}

const background = (frame: Frame, testId: string) => frame.getByTestId(testId).evaluate((el) => getComputedStyle(el).backgroundColor);

describe("Teams side panel: theme, accessibility, screenshots", () => {
  let s: TeamsSession;

  beforeAll(async () => {
    s = await startTeamsSession();
    const items = [
      { kind: "action", title: "Send the returned-payment file spec", ownerId: demoId("person_alicia"), dueDate: "2026-12-02", provider: "Alicia Grant", deliverable: "the file spec", recipient: "Priya Raman", neededFor: "UAT round 1" },
      { kind: "decision", title: "Go-live stays on the planned date", decidedBy: "Rachel Morgan" },
      { kind: "issue", title: "Autopay file misses the effective date", location: "Autopay enrolment import", reproSteps: "Upload the 11-17 file" },
    ];
    for (const item of items) await callApi(s, "dana", `/meetings/${s.meetingId}/items`, { method: "POST", json: { id: randomUUID(), ...item } });
    await callApi(s, "dana", `/meetings/${s.meetingId}/notes`, { method: "POST", json: { id: randomUUID(), agendaItemKey: "rag", body: "Amber until the rounding fix is verified" } });
    await callApi(s, "dana", `/meetings/${s.meetingId}/agenda-state`, { method: "PUT", json: { agendaItemKey: "rag", current: true } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it("follows the host's theme change live, and writes the side panel screenshots", async () => {
    const { page, frame } = await openParticipant(s, "dana", { height: 1700 });
    await waitUntilLive(frame);
    await frame.locator("[aria-current=step]").waitFor();
    await frame.getByTestId("item").first().waitFor();
    expect(await background(frame, "side-panel")).toBe(rgb(teamsLightTheme.colorNeutralBackground1));
    mkdirSync("docs/screenshots", { recursive: true });
    await page.locator("iframe#app").screenshot({ path: "docs/screenshots/side-panel-light.png" });

    await setHostTheme(page, "dark");
    await expect.poll(() => background(frame, "side-panel")).toBe(rgb(teamsDarkTheme.colorNeutralBackground1));
    await settled(frame);
    await page.locator("iframe#app").screenshot({ path: "docs/screenshots/side-panel-dark.png" });

    await setHostTheme(page, "contrast");
    await expect.poll(() => background(frame, "side-panel")).toBe(rgb(teamsHighContrastTheme.colorNeutralBackground1));
    await page.context().close();
  });

  it.each([
    { view: "side panel", frameContext: "sidePanel", path: "/panel", ready: "item" },
    { view: "details tab", frameContext: "content", path: "/panel", ready: "unsent-recap" },
    { view: "configuration page", frameContext: "settings", path: "/config", ready: "config" },
    { view: "project workspace", frameContext: "content", path: `/projects/${demoProjectId()}`, ready: "workspace" },
  ] as const)("has no serious or critical axe violations on the $view, in light, dark and high contrast", async ({ frameContext, path, ready }) => {
    const { page, frame } = await openParticipant(s, "marcus", { frameContext, path, width: frameContext === "sidePanel" ? 320 : 800 });
    await frame.getByTestId(ready).first().waitFor();
    if (frameContext === "settings") await frame.getByRole("combobox", { name: /^Project/ }).waitFor();
    else if (ready === "workspace") await frame.getByRole("table", { name: "RAID log" }).waitFor();
    else await frame.getByRole("heading", { name: /^Agenda/ }).waitFor();
    if (frameContext === "sidePanel") {
      // The richest states: the capture preview, the full issue form, an open editor, a note being written.
      await frame.getByRole("textbox", { name: /^Capture/ }).fill("Rachel: send the rota by Fri");
      await frame.getByRole("button", { name: "More fields" }).click();
      await frame.getByRole("form", { name: "Capture with all fields" }).getByRole("combobox", { name: "Kind" }).selectOption("issue");
      await frame.getByRole("button", { name: /^Edit Send the returned-payment/ }).click();
      await frame.getByRole("button", { name: "Add note on RAG status" }).click();
    }
    expect(await seriousViolations(frame)).toEqual([]);
    for (const theme of ["dark", "contrast"] as const) {
      await setHostTheme(page, theme);
      await expect.poll(() => frame.locator("[data-theme]").getAttribute("data-theme")).toBe(theme);
      await settled(frame);
      expect(await seriousViolations(frame), theme).toEqual([]);
    }
    await page.context().close();
    // axe over the whole project page, three times, on a shared 2-core machine: more than vitest's 30 s default.
  }, 180_000);
});
