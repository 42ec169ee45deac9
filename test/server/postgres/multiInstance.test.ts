import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createScratchPostgres } from "../../support/testDatabase";
import { startServer, type RunningServer } from "../../support/serverProcess";
import { openSse, type SseClient } from "../../support/sseClient";
import { demoMeetingId, devAuth } from "../../support/testApp";

const meeting = demoMeetingId("m_cust");

async function addItem(server: RunningServer, title: string): Promise<string> {
  const id = randomUUID();
  const res = await fetch(`${server.url}/api/meetings/${meeting}/items`, {
    method: "POST",
    headers: { Authorization: devAuth("dana"), "Content-Type": "application/json" },
    body: JSON.stringify({ id, kind: "action", title }),
  });
  expect(res.status).toBe(201);
  return id;
}

const titlesOf = (c: SseClient) => c.events.map((e) => (JSON.parse(e.data) as { entity: { title?: string } }).entity.title).filter(Boolean);

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("two instances on one PostgreSQL", () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    scratch = await createScratchPostgres();
    a = await startServer({ DATABASE_URL: scratch.url, DEV_SIGN_IN: "true" });
    b = await startServer({ DATABASE_URL: scratch.url, DEV_SIGN_IN: "true" });
  });
  afterAll(async () => {
    await Promise.all([a?.stop("SIGTERM"), b?.stop("SIGTERM")]);
    await scratch?.drop();
  });

  it("fan out live events: posted to A, received by B's client; B's listener killed and restored, nothing missed", { timeout: 60_000 }, async () => {
    const onB = await openSse(`${b.url}/api/meetings/${meeting}/events`, { Authorization: devAuth("marcus") });
    await addItem(a, "Posted on A");
    await onB.waitFor((e) => e.data.includes("Posted on A"));
    expect(JSON.parse(onB.events[0]?.data ?? "{}").entity).toMatchObject({ title: "Posted on A", createdBy: "Dana Whitfield", kind: "action" });

    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    const killed = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", [`callbook-listener-${b.proc.pid}`]);
    await admin.end();
    expect(killed.rowCount).toBe(1);
    const during = ["While B was deaf 1", "While B was deaf 2", "While B was deaf 3"];
    for (const title of during) await addItem(a, title);
    await onB.waitFor((e) => e.data.includes("While B was deaf 3"), 15_000);
    expect(titlesOf(onB)).toEqual(["Posted on A", ...during]);
    expect(b.logs.join("")).toContain("live listener reconnected");

    // A client that drops and comes back with Last-Event-ID gets what it missed, once.
    const lastId = onB.events.at(-1)?.id ?? "0";
    onB.close();
    await addItem(a, "While the client was away");
    const back = await openSse(`${b.url}/api/meetings/${meeting}/events`, { Authorization: devAuth("marcus"), "Last-Event-ID": lastId });
    await back.waitFor((e) => e.data.includes("While the client was away"));
    expect(titlesOf(back)).toEqual(["While the client was away"]);
    back.close();
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("SIGTERM", () => {
  it("goes unready, finishes in-flight requests, refuses new ones, tells live clients to reconnect, exits 0 within 10 s", { timeout: 60_000 }, async () => {
    const scratch = await createScratchPostgres();
    const server = await startServer({ DATABASE_URL: scratch.url, DEV_SIGN_IN: "true", SHUTDOWN_GRACE_MS: "400" });
    try {
      const live = await openSse(`${server.url}/api/meetings/${meeting}/events`, { Authorization: devAuth("marcus") });
      // An in-flight request: its body is still arriving when SIGTERM comes.
      const id = randomUUID();
      const body = JSON.stringify({ id, kind: "risk", title: "Sent across the shutdown" });
      let push: ((chunk: string | null) => void) | undefined;
      const stream = new ReadableStream<string>({ start: (c) => void (push = (chunk) => (chunk === null ? c.close() : c.enqueue(chunk))) });
      const inFlight = fetch(`${server.url}/api/meetings/${meeting}/items`, {
        method: "POST",
        headers: { Authorization: devAuth("dana"), "Content-Type": "application/json" },
        body: stream.pipeThrough(new TextEncoderStream()),
        duplex: "half",
      } as RequestInit);
      push?.(body.slice(0, 20));
      await new Promise((r) => setTimeout(r, 200));
      const t0 = Date.now();
      server.proc.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 100));
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      await live.waitFor((e) => e.event === "reconnect", 5000);
      push?.(body.slice(20));
      push?.(null);
      const res = await inFlight;
      expect(res.status).toBe(201);
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
      const code = await server.exited;
      expect(code).toBe(0);
      expect(Date.now() - t0).toBeLessThan(10_000);
    } finally {
      await server.stop("SIGKILL");
      await scratch.drop();
    }
  });
});
