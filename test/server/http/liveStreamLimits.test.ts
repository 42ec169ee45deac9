import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import pino from "pino";
import { openTestDatabase, type TestDatabase } from "../../support/testDatabase";
import { addMembership, authAs, makeMeeting, makePerson, makeProject, makeTenant } from "../../support/factories";
import { openSse, type SseClient } from "../../support/sseClient";
import { TEST_NOW } from "../../support/constants";
import { createApp } from "../../../server/app";
import { devAuthenticator } from "../../../server/auth/devSignIn";
import { countingBus } from "../../support/countingBus";
import { createLiveClients, type LiveClients } from "../../../server/live/liveClients";
import { localOutboxMail } from "../../../server/graph/mailFactory";

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`${what} did not happen within 10 s`);
}

// Issue 13 §6: one user opened 2,000 streams; streams aborted 2–60 ms into set-up leaked.
describe("live stream caps and set-up aborts", () => {
  let tdb: TestDatabase;
  let server: Server;
  let base: string;
  let bus: ReturnType<typeof countingBus>;
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
    bus = countingBus();
    liveClients = createLiveClients({ perUser: 3, perMeeting: 5 });
    const app = createApp({
      database: tdb.database, logger: pino({ level: "silent" }), clock: () => TEST_NOW, authenticators: [devAuthenticator(tdb.database.db)],
      isReady: () => true, devSignIn: true, bus, liveClients, mail: localOutboxMail(tdb.database.db, () => TEST_NOW), mailMode: "outbox",
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
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
    const people = ["dana", "marcus", "priya", "alicia"];
    for (let round = 0; round < 20; round++) {
      await Promise.all(
        [0, 1, 2].map(
          (k) =>
            new Promise<void>((resolve) => {
              const person = people[(round * 3 + k) % people.length] ?? "dana";
              const req = http.get({ host: "127.0.0.1", port, path: `/api/meetings/${meeting}/events`, headers: { Authorization: devAuth(person) } });
              req.on("error", () => resolve());
              req.on("response", (res) => res.resume());
              setTimeout(() => {
                req.destroy();
                resolve();
              }, ((round * 3 + k) * 7) % 61);
            }),
        ),
      );
    }
    await until(() => liveClients.size() === 0 && bus.active() === 0, "every aborted set-up to be released");
    expect(liveClients.size()).toBe(0);
    expect(bus.active()).toBe(0);
    // And the caps were not eaten by the leaks: a fresh stream opens.
    const s = await openSse(url(), { Authorization: devAuth("dana") });
    s.close();
  });
});
