import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase";
import { demoMeetingId } from "../support/testApp";
import { startFakeEntraServer, type FakeEntraServer } from "../support/graph/fakeEntraServer";
import { startFakeGraphServer, type FakeGraphServer, type GraphFault, type GraphRouteName } from "../support/graph/fakeGraphServer";
import { DEMO_TENANT_ID } from "../../server/db/demo/demoPeople";
import { demoMeetings } from "../../server/db/demo/demoMeetings";
import { deliveriesByRecapId, GRAPH_DRILL_TIMEOUT_MS, startGraphDrillApp, type GraphDrillApp } from "./support/graphDrillApp";
import { seededRandom } from "./support/captureWriter";

// Drill: 200 recap sends through the Graph path while the local Graph throttles (429), is
// unavailable (503), is slow, and drops connections before or after it accepted a request. Phase
// A: 160 sends, 8 at a time, under a random mix. Phase B: 40 sends one by one, every other one
// meeting a failure that outlasts the retries. A 502 must say "failed" (and the outbox too); a
// retry with the same id must deliver it. Hung connections (accepted, never answered; before or
// after Graph acted) must answer 504 "failed" within the client-side timeout, and a retry with the
// same id must deliver exactly once. In the end every recap is delivered exactly once.

const PHASE_A = 160;
const PHASE_B = 40;
const PARALLEL = 8;

interface Send {
  id: string;
  meetingId: string;
  subject: string;
  attempts: { status: number; reported: string | null }[];
}

const faultMix: [GraphRouteName, GraphFault][] = [
  ["createMessage", { kind: "throttle", retryAfter: "0" }],
  ["createMessage", { kind: "unavailable" }],
  ["createMessage", { kind: "delay", ms: 300 }],
  ["createMessage", { kind: "dropAfterAccept" }],
  ["createMessage", { kind: "dropBeforeAccept" }],
  ["sendMessage", { kind: "throttle", retryAfter: "0" }],
  ["sendMessage", { kind: "unavailable" }],
  ["sendMessage", { kind: "delay", ms: 300 }],
  ["sendMessage", { kind: "dropAfterAccept" }],
  ["sendMessage", { kind: "dropBeforeAccept" }],
  ["getMessage", { kind: "unavailable" }],
  ["getMessage", { kind: "delay", ms: 300 }],
  ["getMessage", { kind: "dropBeforeAccept" }],
  ["createMessage", { kind: "hang" }],
  ["createMessage", { kind: "hangAfterAccept" }],
  ["sendMessage", { kind: "hang" }],
  ["sendMessage", { kind: "hangAfterAccept" }],
  ["getMessage", { kind: "hang" }],
];

/** Failures that outlast the gateway's retries (maxRetries 1, 3 send attempts). */
const permanent: { name: string; faults: [GraphRouteName, GraphFault, number][] }[] = [
  { name: "503 on both draft attempts", faults: [["createMessage", { kind: "unavailable" }, 2]] },
  { name: "429 on both draft attempts", faults: [["createMessage", { kind: "throttle", retryAfter: "0" }, 2]] },
  { name: "503 on all 3 send attempts", faults: [["sendMessage", { kind: "unavailable" }, 3]] },
  { name: "connection dropped before each of 3 sends", faults: [["sendMessage", { kind: "dropBeforeAccept" }, 3]] },
  { name: "sent, connection dropped, then the check fails twice", faults: [["sendMessage", { kind: "dropAfterAccept" }, 1], ["getMessage", { kind: "unavailable" }, 2]] },
  { name: "sent, then the connection hangs", faults: [["sendMessage", { kind: "hangAfterAccept" }, 1]] },
  { name: "the draft's creation hangs", faults: [["createMessage", { kind: "hang" }, 1]] },
];

describe("drill: Graph faults", () => {
  let tdb: TestDatabase;
  let entra: FakeEntraServer;
  let graphA: FakeGraphServer;
  let graphB: FakeGraphServer;
  let drill: GraphDrillApp;
  beforeAll(async () => {
    [tdb, entra, graphA, graphB] = await Promise.all([openTestDatabase("pglite"), startFakeEntraServer({ tenantId: DEMO_TENANT_ID }), startFakeGraphServer(), startFakeGraphServer()]);
    drill = await startGraphDrillApp(tdb.database, entra, graphA);
  });
  afterAll(async () => {
    await drill?.close();
    await Promise.all([tdb?.drop(), entra?.close(), graphA?.close(), graphB?.close()]);
  });

  it("delivers each of 200 recaps exactly once, shows permanent failures as failed, and a retry with the same id delivers once", { timeout: 240_000 }, async () => {
    const seed = Number(process.env.DRILL_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const auth = `Bearer ${await drill.danaToken()}`;
    const meetings = demoMeetings.map((m) => demoMeetingId(m.key));
    const injected = new Map<string, number>();
    const inject = (graph: FakeGraphServer, route: GraphRouteName, fault: GraphFault, times = 1) => {
      graph.injectFault(route, fault, times);
      const key = `${route}:${fault.kind}`;
      injected.set(key, (injected.get(key) ?? 0) + times);
    };
    const post = async (s: Send): Promise<number> => {
      const res = await fetch(`${drill.url}/api/meetings/${s.meetingId}/recap/send`, {
        method: "POST",
        headers: { Authorization: auth, "Content-Type": "application/json" },
        body: JSON.stringify({ id: s.id, subject: s.subject }),
      });
      const body = (await res.json()) as { status?: string; error?: { code?: string } };
      let reported: string | null = null;
      if (res.status === 502 || res.status === 504) {
        const row = (await (await fetch(`${drill.url}/api/outbox/${s.id}`, { headers: { Authorization: auth } })).json()) as { status?: string };
        reported = `${body.status}/${body.error?.code}/outbox ${row.status}`;
      }
      s.attempts.push({ status: res.status, reported });
      return res.status;
    };
    const untilSent = async (s: Send) => {
      for (let i = 0; i < 6 && [502, 504].includes(await post(s)); i++);
    };
    const newSend = (n: number): Send => {
      const id = randomUUID();
      return { id, meetingId: meetings[n % meetings.length] ?? "", subject: `Fault drill recap ${n} ${id}`, attempts: [] };
    };

    // Phase A: a random mix, 8 sends at a time.
    const sends: Send[] = [];
    let next = 0;
    const worker = async () => {
      while (next < PHASE_A) {
        const s = newSend(next++);
        sends.push(s);
        if (random() < 0.7) {
          const [route, fault] = faultMix[Math.floor(random() * faultMix.length)] ?? faultMix[0]!;
          inject(graphA, route, fault);
        }
        await untilSent(s);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    // Phase B: a fresh Graph (empty fault queue); every other send meets a permanent failure.
    drill.useGraph(graphB);
    const permanentOutcomes: string[] = [];
    for (let n = 0; n < PHASE_B; n++) {
      const s = newSend(PHASE_A + n);
      sends.push(s);
      const pattern = n % 2 === 0 ? permanent[(n / 2) % permanent.length] : undefined;
      if (pattern) for (const [route, fault, times] of pattern.faults) inject(graphB, route, fault, times);
      else inject(graphB, "sendMessage", { kind: "dropAfterAccept" });
      await untilSent(s);
      if (pattern) permanentOutcomes.push(`${pattern.name}: ${s.attempts.map((a) => a.status).join(" → ")}`);
    }

    const delivered = deliveriesByRecapId([graphA, graphB]);
    const failedFirst = sends.filter((s) => [502, 504].includes(s.attempts[0]?.status ?? 0));
    const timedOut = sends.reduce((n, s) => n + s.attempts.filter((a) => a.status === 504).length, 0);
    const reportedAs = { 502: "failed/send_failed/outbox failed", 504: "failed/upstream_timeout/outbox failed" } as const;
    const reportedWrong = sends.flatMap((s) =>
      s.attempts.filter((a) => (a.status === 502 || a.status === 504) && a.reported !== reportedAs[a.status]).map((a) => `${s.id}: ${a.status} ${a.reported}`),
    );
    const unexpected = sends.flatMap((s) => s.attempts.filter((a) => ![200, 201, 502, 504].includes(a.status)).map((a) => `${s.id}: ${a.status}`));
    const notSent = sends.filter((s) => !s.attempts.some((a) => a.status === 200 || a.status === 201));
    const wrongCount = sends.filter((s) => delivered.get(s.id) !== 1).map((s) => `${s.subject}: delivered ${delivered.get(s.id) ?? 0}×`);
    const strays = [...delivered.keys()].filter((k) => !sends.some((s) => s.id === k));
    const phaseBFailures = sends.slice(PHASE_A).filter((_, i) => i % 2 === 0 && [502, 504].includes(sends[PHASE_A + i]?.attempts[0]?.status ?? 0)).length;

    process.stdout.write(
      `\nGraph fault drill (seed ${seed}):\n` +
        `  tried ${sends.length} recaps (${PHASE_A} at ${PARALLEL} in parallel under a random mix, ${PHASE_B} one by one); ${sends.reduce((n, s) => n + s.attempts.length, 0)} POSTs in all\n` +
        `  faults injected: ${[...injected].map(([k, v]) => `${k} ×${v}`).join(", ")}\n` +
        `  Graph requests: ${[graphA, graphB].reduce((n, g) => n + g.requests.length, 0)} (${[graphA, graphB].reduce((n, g) => n + g.requests.filter((r) => r.outcome === "dropped").length, 0)} dropped)\n` +
        `  first attempt failed (502/504, shown as failed): ${failedFirst.length}; of the ${PHASE_B / 2} permanent failures in phase B: ${phaseBFailures}\n` +
        `  hung connections: ${[graphA, graphB].reduce((n, g) => n + g.requests.filter((r) => r.outcome === "hung").length, 0)}, answered 504 after the ${GRAPH_DRILL_TIMEOUT_MS} ms client timeout: ${timedOut}\n` +
        `  ${[...new Set(permanentOutcomes)].map((o) => `permanent, ${permanentOutcomes.filter((x) => x === o).length}×: ${o}`).join("\n  ")}\n` +
        `  delivered exactly once: ${sends.length - wrongCount.length} of ${sends.length}; not delivered: ${notSent.length}; duplicates: ${wrongCount.filter((w) => !w.endsWith(" 0×")).length}; deliveries of unknown recaps: ${strays.length}\n`,
    );
    expect(unexpected).toEqual([]);
    expect(reportedWrong).toEqual([]);
    expect(notSent.map((s) => s.subject)).toEqual([]);
    expect(wrongCount).toEqual([]);
    expect(strays).toEqual([]);
    expect(phaseBFailures).toBe(PHASE_B / 2);
  });
});
