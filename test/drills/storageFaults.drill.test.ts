import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startServer, type RunningServer } from "../support/serverProcess";
import { capturedTexts, newWrite, type Write } from "./support/captureWriter";
import { demoMeetingId, devAuth } from "../support/testApp";

// Drill (issue 13 §8): storage faults while Callbook runs.
// 1. PostgreSQL down: a private cluster (own temp folder, free port; never the shared one on 5432)
//    is stopped with `pg_ctl stop -m immediate` under steady writes, then started again.
// 2. Disk full: the embedded database's DATA_DIR on a small tmpfs the drill mounts, filled while
//    Callbook runs, then freed.
// In both: refused writes answer 503 with Retry-After, /readyz says not ready, the refused writes
// resent with their same ids are stored once, and nothing acknowledged (201) is lost.
// Everything the drill starts (cluster, server, mount) is stopped in afterAll, time-outs included.

const PG_BIN = "/usr/lib/postgresql/15/bin";
const WRITERS = 4;

interface Sent extends Write {
  retryAfter?: string | null;
}

/** One write; records status and Retry-After. No answer (time-out, reset) is "in doubt". */
async function sendWrite(url: string, w: Sent): Promise<void> {
  try {
    const res = await fetch(`${url}/api/meetings/${demoMeetingId("m_cust")}/${w.kind === "item" ? "items" : "notes"}`, {
      method: "POST",
      headers: { Authorization: devAuth("dana"), "Content-Type": "application/json" },
      body: JSON.stringify(w.body),
      signal: AbortSignal.timeout(20_000),
    });
    await res.arrayBuffer();
    w.status = res.status;
    w.retryAfter = res.headers.get("retry-after");
    w.outcome = res.status >= 200 && res.status < 300 ? "acknowledged" : "refused";
  } catch {
    w.status = undefined;
    w.outcome = "in_doubt";
  }
}

async function readyz(url: string): Promise<{ status: number; body: string; retryAfter: string | null }> {
  const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(20_000) });
  return { status: res.status, body: await res.text(), retryAfter: res.headers.get("retry-after") };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` is true or `ms` pass; returns whether it became true. */
async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return true;
    await sleep(250);
  }
  return false;
}

/** Steady writers (each backs off 200 ms after a failure, as the panel's queue does) until stop(). */
function steadyWriters(url: () => string, writes: Sent[]) {
  let stopping = false;
  const one = async () => {
    while (!stopping) {
      const w: Sent = newWrite(writes.length);
      writes.push(w);
      await sendWrite(url(), w);
      await sleep(w.outcome === "acknowledged" ? 20 : 200);
    }
  };
  const running = Array.from({ length: WRITERS }, one);
  return async () => {
    stopping = true;
    await Promise.all(running);
  };
}

/** Resends every refused or in-doubt write with its same id, then checks what the capture list holds. */
async function settle(url: string, writes: Sent[]) {
  const notAcked = writes.filter((w) => w.outcome !== "acknowledged");
  const resent = notAcked.map((w) => ({ ...w, outcome: "pending" as const }));
  for (const w of resent) await sendWrite(url, w);
  const after = await capturedTexts(url);
  const idCounts = after.ids.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const textCounts = after.texts.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const acknowledged = writes.filter((w) => w.outcome === "acknowledged");
  return {
    acknowledged,
    refused503: writes.filter((w) => w.status === 503),
    refusedOther: writes.filter((w) => w.outcome === "refused" && w.status !== 503),
    inDoubt: writes.filter((w) => w.outcome === "in_doubt"),
    without503RetryAfter: writes.filter((w) => w.status === 503 && !w.retryAfter),
    resent,
    resentBad: resent.filter((w) => w.status !== 201 && w.status !== 200),
    lost: acknowledged.filter((w) => !idCounts.has(w.id)),
    resentMissing: resent.filter((w) => !idCounts.has(w.id)),
    found: writes.filter((w) => idCounts.has(w.id)).length,
    twice: writes.filter((w) => (idCounts.get(w.id) ?? 0) > 1 || (textCounts.get(w.title) ?? 0) > 1),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const histogram = (list: (number | undefined)[]) =>
  [...list.reduce((m, s) => m.set(String(s ?? "no answer"), (m.get(String(s ?? "no answer")) ?? 0) + 1), new Map<string, number>())]
    .map(([k, v]) => `${k} ×${v}`)
    .join(", ") || "none";

describe("drill: PostgreSQL down under steady writes", () => {
  // Made inside the test, so a run filtered to the other drill leaves no folder behind.
  let root = "";
  let pgData = "";
  let port = 0;
  let server: RunningServer | null = null;
  const pgCtl = (...args: string[]) =>
    execFileSync("runuser", ["-u", "postgres", "--", `${PG_BIN}/pg_ctl`, "-D", pgData, ...args], { stdio: "pipe", timeout: 120_000 });
  const startCluster = () =>
    pgCtl("-l", join(root, "postgres.log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root}`, "-w", "-t", "120", "start");
  const clusterRunning = () => {
    try {
      pgCtl("status");
      return true;
    } catch {
      return false;
    }
  };
  afterAll(async () => {
    if (server && server.proc.exitCode === null) await server.stop("SIGINT");
    if (pgData && existsSync(join(pgData, "PG_VERSION")) && clusterRunning()) pgCtl("-m", "immediate", "stop");
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("refuses writes with 503 + Retry-After while down, is not ready, and loses nothing acknowledged", { timeout: 600_000 }, async () => {
    root = mkdtempSync(join(tmpdir(), "callbook-pgdown-"));
    pgData = join(root, "data");
    chownSync(root, Number(execFileSync("id", ["-u", "postgres"]).toString()), Number(execFileSync("id", ["-g", "postgres"]).toString()));
    execFileSync("runuser", ["-u", "postgres", "--", `${PG_BIN}/initdb`, "-D", pgData, "--auth=trust"], { stdio: "pipe", timeout: 180_000 });
    port = await freePort();
    expect(port).not.toBe(5432);
    startCluster();
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query("create database callbook");
    await admin.end();
    server = await startServer({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/callbook`, DEV_SIGN_IN: "true", DB_CONNECT_TIMEOUT_MS: "2000" });
    const url = server.url;

    const writes: Sent[] = [];
    const stopWriters = steadyWriters(() => url, writes);
    await sleep(5_000);
    const ackedBeforeStop = writes.filter((w) => w.outcome === "acknowledged").length;
    pgCtl("-m", "immediate", "stop");
    const stoppedAt = writes.length;
    await sleep(8_000);
    const readyDown = await readyz(url);
    startCluster();
    const restartedAt = writes.length;
    const back = await waitFor(async () => (await readyz(url)).status === 200, 60_000);
    await sleep(3_000);
    await stopWriters();

    const r = await settle(url, writes);
    const duringOutage = writes.slice(stoppedAt, restartedAt);
    process.stdout.write(
      `\nPostgreSQL-down drill (private cluster on 127.0.0.1:${port}, stopped -m immediate after 5 s of writes, down 8 s):\n` +
        `  writes tried ${writes.length} by ${WRITERS} writers; acknowledged ${r.acknowledged.length} (${ackedBeforeStop} before the stop); refused with 503 ${r.refused503.length} (all with Retry-After: ${r.without503RetryAfter.length === 0}); other refusals ${r.refusedOther.length}; no answer ${r.inDoubt.length}\n` +
        `  answers while the cluster was down: ${histogram(duringOutage.map((w) => w.status))}\n` +
        `  /readyz while down: ${readyDown.status} ${readyDown.body} (Retry-After ${readyDown.retryAfter}); ready again after restart: ${back}\n` +
        `  resent ${r.resent.length} with the same ids: ${histogram(r.resent.map((w) => w.status))}\n` +
        `  found after: ${r.found} of ${writes.length} (acknowledged lost: ${r.lost.length}; resent missing: ${r.resentMissing.length}; stored twice: ${r.twice.length})\n`,
    );
    expect(r.acknowledged.length).toBeGreaterThan(20);
    expect(r.refused503.length).toBeGreaterThan(0);
    expect(r.without503RetryAfter).toEqual([]);
    expect(r.refusedOther.map((w) => w.status)).toEqual([]);
    expect(readyDown.status).toBe(503);
    expect(back).toBe(true);
    expect(r.resentBad.map((w) => w.status)).toEqual([]);
    expect(r.lost.map((w) => w.id)).toEqual([]);
    expect(r.resentMissing.map((w) => w.id)).toEqual([]);
    expect(r.twice.map((w) => w.title)).toEqual([]);
    expect(r.found).toBe(writes.length);
  });
});

describe("drill: the embedded database's disk fills up under steady writes", () => {
  let mount = "";
  let mounted = false;
  let server: RunningServer | null = null;
  afterAll(async () => {
    if (server && server.proc.exitCode === null) await server.stop("SIGINT");
    if (mounted) execFileSync("umount", ["-l", mount]);
    if (mount) rmSync(mount, { recursive: true, force: true });
  });

  /** Writes zeros into the filler file until the disk says ENOSPC; returns the bytes written. */
  const fillDisk = (filler: string): number => {
    const fd = openSync(filler, "a");
    const chunk = Buffer.alloc(64 * 1024);
    let written = 0;
    try {
      for (;;) written += writeSync(fd, chunk);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
    } finally {
      closeSync(fd);
    }
    // The last partial blocks too.
    const fd2 = openSync(filler, "a");
    try {
      for (;;) written += writeSync(fd2, Buffer.alloc(512));
    } catch {
      // full
    } finally {
      closeSync(fd2);
    }
    return written;
  };

  it("refuses writes with 503 + Retry-After while full, is not ready, writes again once freed, loses nothing acknowledged", { timeout: 600_000 }, async () => {
    mount = mkdtempSync(join(tmpdir(), "callbook-diskfull-"));
    const filler = join(mount, "filler");
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=160m", "tmpfs", mount]);
    mounted = true;
    const dataDir = join(mount, "data");
    mkdirSync(dataDir);
    server = await startServer({}, { dataDir });
    const url = server.url;

    const writes: Sent[] = [];
    const stopWriters = steadyWriters(() => url, writes);
    await sleep(5_000);
    const ackedBeforeFull = writes.filter((w) => w.outcome === "acknowledged").length;
    const filled = fillDisk(filler);
    const fullAt = writes.length;
    // Until the first refusal, at most 60 s: PostgreSQL writes into WAL it has already allocated.
    const refusedWhileFull = await waitFor(async () => writes.slice(fullAt).some((w) => w.outcome !== "acknowledged"), 60_000);
    await sleep(3_000);
    const readyFull = await readyz(url);
    unlinkSync(filler);
    const freedAt = writes.length;
    const back = await waitFor(async () => writes.slice(freedAt).some((w) => w.outcome === "acknowledged"), 60_000);
    await sleep(3_000);
    await stopWriters();
    const ackedAfterFree = writes.slice(freedAt).filter((w) => w.outcome === "acknowledged").length;

    const r = await settle(url, writes);
    process.stdout.write(
      `\nDisk-full drill (PGlite DATA_DIR on a 160 MB tmpfs, filled with ${Math.round(filled / 1024 / 1024)} MB after 5 s of writes, then freed):\n` +
        `  writes tried ${writes.length} by ${WRITERS} writers; acknowledged ${r.acknowledged.length} (${ackedBeforeFull} before the fill, ${ackedAfterFree} after freeing); refused with 503 ${r.refused503.length} (all with Retry-After: ${r.without503RetryAfter.length === 0}); other refusals ${r.refusedOther.length}; no answer ${r.inDoubt.length}\n` +
        `  answers while full: ${histogram(writes.slice(fullAt, freedAt).map((w) => w.status))}\n` +
        `  /readyz while full: ${readyFull.status} ${readyFull.body} (Retry-After ${readyFull.retryAfter}); writes succeed again after freeing: ${back}\n` +
        `  resent ${r.resent.length} with the same ids: ${histogram(r.resent.map((w) => w.status))}\n` +
        `  found after: ${r.found} of ${writes.length} (acknowledged lost: ${r.lost.length}; resent missing: ${r.resentMissing.length}; stored twice: ${r.twice.length})\n`,
    );
    expect(refusedWhileFull).toBe(true);
    expect(r.refused503.length).toBeGreaterThan(0);
    expect(r.without503RetryAfter).toEqual([]);
    expect(r.refusedOther.map((w) => w.status)).toEqual([]);
    expect(readyFull.status).toBe(503);
    expect(back).toBe(true);
    expect(r.resentBad.map((w) => w.status)).toEqual([]);
    expect(r.lost.map((w) => w.id)).toEqual([]);
    expect(r.resentMissing.map((w) => w.id)).toEqual([]);
    expect(r.twice.map((w) => w.title)).toEqual([]);
    expect(r.found).toBe(writes.length);
  });
});
