import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import type { Frame } from "playwright-core";
import { hostState, setHostTheme } from "../support/teamsHost/teamsHost";
import { callApi, openParticipant, openStageViewer, startTeamsSession, waitUntilLive, type Participant, type TeamsSession } from "./teamsSession";

// Share to stage (issue 18 §2) through the Teams host page: the PM shares from the side panel
// with teams-js `meeting.shareAppContentToStage`, and a guest (no Callbook sign-in) watches the
// shared page in the `meetingStage` frame context: customer-safe, live, readable in every theme.

const AXE = "node_modules/axe-core/axe.min.js";
const INTERNAL_ACTION = "Escalate Meridian staffing via Helen";
const INTERNAL_NOTE = "Meridian is understaffed, keep this between us";

async function seriousViolations(frame: Frame): Promise<{ id: string; impact: string | null; targets: string[] }[]> {
  if (!(await frame.evaluate(() => "axe" in window))) await frame.evaluate(readFileSync(AXE, "utf8"));
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

async function settled(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
}

describe("Share to stage through the Teams host, watched by a guest", () => {
  let s: TeamsSession;
  let dana: Participant;
  let shared = "";

  beforeAll(async () => {
    s = await startTeamsSession();
    const post = (path: string, json: object) => callApi(s, "dana", `/meetings/${s.meetingId}${path}`, { method: "POST", json: { id: randomUUID(), ...json } });
    await post("/items", { kind: "action", title: INTERNAL_ACTION, internalOnly: true });
    await post("/items", { kind: "decision", title: "Go-live stays on the planned date", decidedBy: "Rachel Morgan" });
    await post("/notes", { agendaItemKey: "rag", body: INTERNAL_NOTE, internalOnly: true });
    dana = await openParticipant(s, "dana");
    await waitUntilLive(dana.frame);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("shares the stage view from the side panel with the host's share-to-stage call", async () => {
    await dana.frame.getByRole("button", { name: "Share to stage" }).click();
    await expect.poll(() => dana.frame.getByTestId("stage-share-status").textContent()).toContain("On the stage for everyone");
    const state = await hostState(dana.page);
    expect(state.received).toContain("meeting.getAppContentStageSharingCapabilities");
    expect(state.sharedToStage).toHaveLength(1);
    shared = state.sharedToStage[0] ?? "";
    // The ticket rides in the fragment: never sent to a server, never in a log or a Referer.
    expect(shared).toMatch(new RegExp(`^${s.appOrigin}/stage/${s.meetingId}#ticket=[\\w.-]+$`));
  });

  it("shows a guest in the meetingStage context the customer-safe view, and an action captured in the panel live", async () => {
    const guest = await openStageViewer(s, shared);
    const stage = guest.frame.getByTestId("stage");
    await guest.frame.getByTestId("stage-connection").filter({ hasText: "Live" }).waitFor({ timeout: 30_000 });
    expect(await stage.getByRole("heading", { level: 1 }).textContent()).toBe("Riverbend weekly status");
    expect(await stage.textContent()).toContain("Go-live stays on the planned date");
    expect(await hostState(guest.page)).toMatchObject({ initialized: true });

    await dana.frame.getByRole("textbox", { name: /^Capture/ }).fill("Share the UAT defect list");
    await dana.frame.getByRole("form", { name: "Capture" }).getByRole("button", { name: "Add", exact: true }).click();
    await guest.frame.getByTestId("stage-item").filter({ hasText: "Share the UAT defect list" }).waitFor({ timeout: 20_000 });

    await callApi(s, "dana", `/meetings/${s.meetingId}/agenda-state`, { method: "PUT", json: { agendaItemKey: "rag", current: true } });
    await expect.poll(() => guest.frame.getByTestId("stage-current").textContent()).toBe("RAG status");

    // Internal content captured before and during the share never reaches the stage.
    await callApi(s, "dana", `/meetings/${s.meetingId}/items`, { method: "POST", json: { id: randomUUID(), kind: "action", title: "Internal: chase Meridian's account manager", internalOnly: true } });
    await callApi(s, "dana", `/meetings/${s.meetingId}/items`, { method: "POST", json: { id: randomUUID(), kind: "action", title: "Send the cutover runbook" } });
    await guest.frame.getByTestId("stage-item").filter({ hasText: "Send the cutover runbook" }).waitFor({ timeout: 20_000 });
    const text = (await stage.textContent()) ?? "";
    for (const secret of [INTERNAL_ACTION, INTERNAL_NOTE, "Internal: chase Meridian"]) expect(text).not.toContain(secret);
    await guest.context.close();
  });

  it.each([
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])("is readable at $width×$height in the default, dark and contrast themes (no serious axe violations)", async ({ width, height }) => {
    const guest = await openStageViewer(s, shared, { width, height });
    await guest.frame.getByTestId("stage-item").first().waitFor({ timeout: 30_000 });
    mkdirSync("docs/screenshots", { recursive: true });
    for (const theme of ["default", "dark", "contrast"] as const) {
      if (theme !== "default") await setHostTheme(guest.page, theme);
      await expect.poll(() => guest.frame.locator("[data-theme]").getAttribute("data-theme")).toBe(theme);
      await settled(guest.frame);
      expect(await seriousViolations(guest.frame), theme).toEqual([]);
      // Nothing of the stage is cut off sideways at this size.
      expect(await guest.frame.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      if (width === 1280) await guest.page.locator("iframe#app").screenshot({ path: `docs/screenshots/stage-${theme}.png` });
    }
    await guest.context.close();
  });

  it("says in PM words why Teams refused to share", async () => {
    const refused = await openParticipant(s, "dana", { stageSharing: { permission: false } });
    await waitUntilLive(refused.frame);
    await refused.frame.getByRole("button", { name: "Share to stage" }).click();
    const status = refused.frame.getByTestId("stage-share-status");
    await expect.poll(() => status.textContent()).toContain("Teams did not let you share to the stage");
    expect(await status.textContent()).toContain("Only the organiser and presenters can share to the stage.");
    expect((await hostState(refused.page)).sharedToStage).toEqual([]);
    await refused.context.close();
  });
});
