import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "../support/serverProcess";
import { capturedTexts, newWrite, seededRandom, send, type Write } from "./support/captureWriter";

// Drill: 60 s of concurrent writes (action items and notes, client ids) to `npm start`'s server on
// the embedded database with a file-backed DATA_DIR, killed with SIGKILL at 5 random moments and
// restarted on the same DATA_DIR each time. Afterwards every acknowledged write is there, the ones
// in doubt are resent with the same id and exist once, and no write exists twice.

const DURATION_MS = 60_000;
const KILLS = 5;
const WRITERS = 6;

describe("drill: crash", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "callbook-crash-"));
  let server: RunningServer | null = null;
  afterAll(async () => {
    if (server && server.proc.exitCode === null) await server.stop("SIGINT");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged write through 5 kill -9s, and a resent write is still one row", { timeout: 240_000 }, async () => {
    const seed = Number(process.env.DRILL_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    server = await startServer({}, { dataDir });
    const port = String(server.port);
    const url = server.url;
    const writes: Write[] = [];
    let up = true;
    let stopping = false;
    const started = Date.now();

    const writer = async () => {
      while (!stopping) {
        if (!up) {
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        const w = newWrite(writes.length);
        writes.push(w);
        const status = await send(url, w);
        w.status = status ?? undefined;
        w.outcome = status === null ? "in_doubt" : status >= 200 && status < 300 ? "acknowledged" : status >= 500 ? "in_doubt" : "refused";
        // A client backs off after a failure (the panel's queue does) instead of hammering.
        if (w.outcome !== "acknowledged") await new Promise((r) => setTimeout(r, 100));
      }
    };
    // One random moment in each of 5 equal slots of the run (so restarts never pile up).
    const slot = (DURATION_MS - 8_000) / KILLS;
    const killAt = Array.from({ length: KILLS }, (_, i) => 4_000 + slot * (i + 0.15 + 0.7 * random()));
    const kills: string[] = [];
    const killer = async () => {
      for (const at of killAt) {
        const wait = started + at - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const current = server;
        if (!current) break;
        const inFlight = writes.filter((w) => w.outcome === "pending").length;
        up = false;
        current.proc.kill("SIGKILL");
        await current.exited;
        const t0 = Date.now();
        server = await startServer({ PORT: port }, { dataDir });
        kills.push(`t=${((at) / 1000).toFixed(1)} s (${inFlight} in flight; restarted in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        up = true;
      }
    };
    const timer = new Promise<void>((r) => setTimeout(r, DURATION_MS));
    const writers = Array.from({ length: WRITERS }, writer);
    await Promise.all([killer(), timer]);
    stopping = true;
    await Promise.all(writers);

    const acknowledged = writes.filter((w) => w.outcome === "acknowledged");
    const inDoubt = writes.filter((w) => w.outcome === "in_doubt");
    const refused = writes.filter((w) => w.outcome === "refused");
    const before = await capturedTexts(url);
    const presentBefore = new Set(before.ids);
    const doubtAlreadyThere = inDoubt.filter((w) => presentBefore.has(w.id)).length;

    // In doubt: send again with the same id (what the panel's queue does after a reconnect).
    const resent = await Promise.all(inDoubt.map((w) => send(url, w)));
    // And some acknowledged ones again: a duplicate delivery must not make a second row.
    const replays = acknowledged.filter((_, i) => i % 25 === 0);
    const replayed = await Promise.all(replays.map((w) => send(url, w)));
    const after = await capturedTexts(url);
    const present = new Set(after.ids);
    const count = (list: string[]) => list.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
    const titleCounts = count(after.texts);
    const idCounts = count(after.ids);
    const lost = acknowledged.filter((w) => !present.has(w.id));
    const doubtMissing = inDoubt.filter((w) => !present.has(w.id));
    const duplicates = writes.filter((w) => (titleCounts.get(w.title) ?? 0) > 1 || (idCounts.get(w.id) ?? 0) > 1);
    const badResends = resent.filter((s) => s !== 200 && s !== 201);
    const badReplays = replayed.filter((s) => s !== 200);
    const histogram = (list: (number | null | undefined)[]) =>
      [...count(list.map((s) => String(s ?? "no answer")))].map(([k, v]) => `${k} ×${v}`).join(", ") || "none";
    const errorLines = (server?.logs.join("") ?? "").split("\n").filter((l) => /"level":(50|60)/.test(l)).slice(-3);

    process.stdout.write(
      `\nCrash drill (seed ${seed}; DRILL_SEED=${seed} replays the kill moments):\n` +
        `  kills: ${kills.join("; ")}\n` +
        `  tried ${writes.length} writes (${writes.filter((w) => w.kind === "item").length} items, ${writes.filter((w) => w.kind === "note").length} notes) with ${WRITERS} writers over ${DURATION_MS / 1000} s\n` +
        `  acknowledged ${acknowledged.length}; in doubt ${inDoubt.length} (${doubtAlreadyThere} had been written before the kill); refused ${refused.length}${refused.length ? ` (${[...new Set(refused.map((w) => w.status))].join(", ")})` : ""}\n` +
        `  found after the last restart: ${acknowledged.length - lost.length} of ${acknowledged.length} acknowledged\n` +
        `  resent ${inDoubt.length} in doubt with the same id: ${resent.filter((s) => s === 201).length} created, ${resent.filter((s) => s === 200).length} already there, ${badResends.length} other; missing after: ${doubtMissing.length}\n` +
        `  replayed ${replays.length} acknowledged writes: ${replayed.filter((s) => s === 200).length} answered 200 (same row)\n` +
        `  duplicates (same id or same text twice): ${duplicates.length}\n` +
        `  answers while in doubt: ${histogram(inDoubt.map((w) => w.status))}; to the resends: ${histogram(resent)}; to the replays: ${histogram(replayed)}\n` +
        (errorLines.length ? `  last errors logged by the server:\n    ${errorLines.map((l) => l.slice(0, 400)).join("\n    ")}\n` : ""),
    );
    expect(kills).toHaveLength(KILLS);
    expect(acknowledged.length).toBeGreaterThan(100);
    expect(lost.map((w) => w.id)).toEqual([]);
    expect(doubtMissing.map((w) => w.id)).toEqual([]);
    expect(badResends).toEqual([]);
    expect(badReplays).toEqual([]);
    expect(duplicates.map((w) => w.title)).toEqual([]);
    expect(refused.map((w) => `${w.id}: ${w.status}`)).toEqual([]);
  });
});
