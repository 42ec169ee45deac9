import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { callApi, openParticipant, startTeamsSession, waitUntilLive, type Participant, type TeamsSession } from "./teamsSession";

describe("Teams side panel across a server restart", () => {
  let s: TeamsSession;
  let dana: Participant;

  beforeAll(async () => {
    s = await startTeamsSession();
    dana = await openParticipant(s, "dana");
    await waitUntilLive(dana.frame);
  });
  afterAll(async () => {
    await s?.close();
  });

  it("reconnects after the server restarts on the same port and data, and shows what it missed", async () => {
    const connection = dana.frame.getByTestId("connection");
    const t0 = Date.now();
    dana.page.on("request", (r) => { if (r.url().includes("/events")) console.log("REQ", Date.now() - t0, r.url().slice(-30)); });
    dana.page.on("requestfailed", (r) => { if (r.url().includes("/events")) console.log("FAILED", Date.now() - t0, r.failure()?.errorText); });
    const before = s.server.port;
    let t = Date.now();
    await s.restartServer(async () => {
      await expect.poll(() => connection.textContent()).toBe("Reconnecting…");
      console.log("down after", Date.now() - t);
      t = Date.now();
    });
    console.log("restarted after", Date.now() - t);
    t = Date.now();
    expect(s.server.port).toBe(before);
    // Written before the panel is back on the stream: it can only arrive as a replayed event.
    await callApi(s, "marcus", `/meetings/${s.meetingId}/items`, {
      method: "POST",
      json: { id: randomUUID(), kind: "risk", title: "Cutover weekend clashes with the billing run" },
    });
    const item = dana.frame.getByTestId("item").filter({ hasText: "Cutover weekend clashes with the billing run" });
    await item.waitFor({ timeout: 20_000 });
    console.log("item after", Date.now() - t);
    await expect.poll(() => connection.textContent()).toBe("Live");
  });
});
