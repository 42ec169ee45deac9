import http from "node:http";
import pino from "pino";
import { createApp } from "../../server/app";
import { devAuthenticator } from "../../server/auth/devSignIn";
import { createLiveClients, type LiveClients } from "../../server/live/liveClients";
import { localOutboxMail } from "../../server/graph/mailFactory";
import type { Database } from "../../server/db/database";
import { TEST_NOW } from "./constants";
import { countingBus } from "./countingBus";
import { listenOnLoopback, type LoopbackServer } from "./testApp";

// The set-up of the live-stream cap tests (issue 13 §6): the app on loopback with caps on live
// streams, a live bus that counts its subscriptions, and a way to abort stream set-ups part-way.

export interface CountingLiveApp extends LoopbackServer {
  /** Live subscriptions held now (one per meeting feed with a stream). */
  bus: ReturnType<typeof countingBus>;
  /** Live streams held now, per person and per meeting. */
  liveClients: LiveClients;
}

/**
 * The app (outbox mode, dev sign-in, clock TEST_NOW, silent logs) on `database`, with at most
 * `caps.perUser` live streams per person and `caps.perMeeting` per meeting, listening on 127.0.0.1.
 */
export async function startCountingLiveApp(database: Database, caps: { perUser: number; perMeeting: number }): Promise<CountingLiveApp> {
  const bus = countingBus();
  const liveClients = createLiveClients(caps);
  const app = createApp({
    database, logger: pino({ level: "silent" }), clock: () => TEST_NOW, authenticators: [devAuthenticator(database.db)],
    isReady: () => true, devSignIn: true, bus, liveClients, mail: localOutboxMail(database.db, () => TEST_NOW), mailMode: "outbox",
  });
  return { ...(await listenOnLoopback(app)), bus, liveClients };
}

/**
 * `rounds` rounds of three live-stream requests for `meetingId` (GET /api/meetings/:id/events), each
 * as the next of `people` in turn (`auth` gives its Authorization), each destroyed 0–60 ms after it
 * was sent (request n at (n × 7) mod 61 ms): set-ups aborted at every stage. Resolves when all are.
 */
export async function abortStreamSetUps(o: { port: number; meetingId: string; rounds: number; people: string[]; auth: (person: string) => string }): Promise<void> {
  for (let round = 0; round < o.rounds; round++) {
    await Promise.all(
      [0, 1, 2].map(
        (k) =>
          new Promise<void>((resolve) => {
            const person = o.people[(round * 3 + k) % o.people.length] ?? "dana";
            const req = http.get({ host: "127.0.0.1", port: o.port, path: `/api/meetings/${o.meetingId}/events`, headers: { Authorization: o.auth(person) } });
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
}
