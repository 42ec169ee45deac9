import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { addMembership, authAs, makeMeeting, makePerson, makeProject, makeTenant } from "../../support/factories";
import { openSse, type SseClient } from "../../support/sseClient";
import type { LiveClients } from "../../../server/live/liveClients";
import { abortStreamSetUps, startCountingLiveApp, type CountingLiveApp } from "../../support/countingLiveApp";

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`${what} did not happen within 10 s`);
}

// Issue 13 §6: one user opened 2,000 streams; streams aborted 2–60 ms into set-up leaked.
describe("live stream caps and set-up aborts", () => {
  let tdb: TestDatabase;
  let live: CountingLiveApp | undefined;
  let base: string;
  let bus: CountingLiveApp["bus"];
  let liveClients: LiveClients;
  // Its own tenant: a customer call and four members (three internal, one vendor contact); no demo seed.
  let meeting: string;
  const auth: Record<string, string> = {};
  const devAuth = (person: string) => auth[person] ?? "";
  const url = () => `${base}/api/meetings/${meeting}/events`;

  beforeAll(async () => {
    tdb = await openTestDatabase("pglite", { seed: false });
    const { db } = tdb.database;
    const project = await makeProject(db, makeTenant().tenantId);
    const roles = { dana: "pm", marcus: "im", priya: "se", alicia: "vendor_contact" } as const;
    for (const [person, role] of Object.entries(roles)) {
      const row = await makePerson(db, project.tenantId, role === "vendor_contact" ? { organisation: "vendor" } : {});
      await addMembership(db, project, row, role);
      auth[person] = authAs(row);
    }
    meeting = (await makeMeeting(db, project, { subject: "Weekly status", callTypeOverride: "customer_status" })).id;
    live = await startCountingLiveApp(tdb.database, { perUser: 3, perMeeting: 5 });
    ({ bus, liveClients, url: base } = live);
  });
  afterAll(async () => {
    await live?.close();
    await tdb?.drop();
  });

  it("a person's fourth stream answers 429 with a message; closing one frees a place; the meeting has its own cap", { timeout: 60_000 }, async () => {
    const open: SseClient[] = [];
    try {
      for (let i = 0; i < 3; i++) open.push(await openSse(url(), { Authorization: devAuth("dana") }));
      const fourth = await fetch(url(), { headers: { Authorization: devAuth("dana") } });
      expect(fourth.status).toBe(429);
      expect(((await fourth.json()) as { error: { message: string } }).error.message).toBe(
        "You already have 3 live streams open (the limit per person). Close another Callbook window, then try again.",
      );
      open.push(await openSse(url(), { Authorization: devAuth("marcus") }));
      open.push(await openSse(url(), { Authorization: devAuth("marcus") }));
      const sixth = await fetch(url(), { headers: { Authorization: devAuth("priya") } });
      expect(sixth.status).toBe(429);
      expect(((await sixth.json()) as { error: { message: string } }).error.message).toBe("This call already has 5 live streams open (the limit per call). Try again in a minute.");
      open.shift()?.close();
      await until(() => liveClients.size() === 4, "releasing a closed stream");
      open.push(await openSse(url(), { Authorization: devAuth("dana") }));
    } finally {
      for (const s of open) s.close();
    }
    await until(() => liveClients.size() === 0, "releasing every stream");
    expect(bus.active()).toBe(0);
  });

  it("after 60 set-ups aborted 0–60 ms in, no stream and no subscription is left", { timeout: 60_000 }, async () => {
    const port = Number(new URL(base).port);
    await abortStreamSetUps({ port, meetingId: meeting, rounds: 20, people: ["dana", "marcus", "priya", "alicia"], auth: devAuth });
    await until(() => liveClients.size() === 0 && bus.active() === 0, "every aborted set-up to be released");
    expect(liveClients.size()).toBe(0);
    expect(bus.active()).toBe(0);
    // And the caps were not eaten by the leaks: a fresh stream opens.
    const s = await openSse(url(), { Authorization: devAuth("dana") });
    s.close();
  });
});
