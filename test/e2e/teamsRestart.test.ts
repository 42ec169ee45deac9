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
    const port = s.server.port;
    await s.restartServer(async () => {
      await expect.poll(() => connection.textContent()).toBe("Reconnecting…");
    });
    expect(s.server.port).toBe(port);
    // Ctrl-C during a meeting is a clean stop: exit code 0, not the 9 s forced exit.
    expect(s.lastExitCode).toBe(0);
    // Written as soon as the new process listens, before the panel is back on the stream:
    // it reaches the panel as an event replayed from the panel's last event id.
    await callApi(s, "marcus", `/meetings/${s.meetingId}/items`, {
      method: "POST",
      json: { id: randomUUID(), kind: "risk", title: "Cutover weekend clashes with the billing run" },
    });
    await dana.frame.getByTestId("item").filter({ hasText: "Cutover weekend clashes with the billing run" }).waitFor({ timeout: 20_000 });
    await expect.poll(() => connection.textContent()).toBe("Live");
  });
});
