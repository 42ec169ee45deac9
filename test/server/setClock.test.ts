import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { startServer, type RunningServer } from "../support/serverProcess";
import { devAuth } from "../support/testApp";
import { loadConfig } from "../../server/config";
import { clockStartingAt } from "../../server/clock";

// CALLBOOK_NOW: the server's clock starts at the given moment and runs forward; the demo is
// seeded relative to it (runbook rehearsal, issue 15 §5).

describe("CALLBOOK_NOW", () => {
  it("is refused in production, and must carry an offset", () => {
    expect(() => loadConfig({ NODE_ENV: "production", CALLBOOK_NOW: "2026-12-03T16:00:00-05:00" })).toThrow(
      "CALLBOOK_NOW is for demos and tests only; unset it in production",
    );
    expect(() => loadConfig({ CALLBOOK_NOW: "2026-12-03T16:00:00" })).toThrow("CALLBOOK_NOW must be an ISO instant with an offset");
    expect(loadConfig({ CALLBOOK_NOW: "2026-12-03T16:00:00-05:00" }).CALLBOOK_NOW).toBe("2026-12-03T16:00:00-05:00");
  });

  it("a set clock runs forward with real time from its start", () => {
    let real = 1_000_000;
    const clock = clockStartingAt(new Date("2026-12-03T21:00:00Z"), () => real);
    expect(clock().toISOString()).toBe("2026-12-03T21:00:00.000Z");
    real += 90_000;
    expect(clock().toISOString()).toBe("2026-12-03T21:01:30.000Z");
  });

  it("a production start with CALLBOOK_NOW exits naming the setting", async () => {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const proc = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", CALLBOOK_NOW: "2026-12-03T16:00:00-05:00" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      proc.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      proc.on("exit", (code) => resolve({ code, stderr }));
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("Callbook cannot start: CALLBOOK_NOW is for demos and tests only; unset it in production\n");
  });
});

describe("the demo on a set clock (Thursday 3 Dec 2026, 4 pm New York)", () => {
  let server: RunningServer | undefined;
  const get = async (path: string) => {
    const res = await fetch(`${server?.url}${path}`, { headers: { authorization: devAuth("dana") } });
    expect(res.status).toBe(200);
    return res.json() as Promise<Record<string, unknown>>;
  };

  beforeAll(async () => {
    server = await startServer({ CALLBOOK_NOW: "2026-12-03T16:00:00-05:00" });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("seeds go-live 42 days from that day and counts down from it", async () => {
    const { projects } = (await get("/api/projects")) as { projects: { goLiveDate: string; daysToGoLive: number }[] };
    expect(projects[0]).toMatchObject({ goLiveDate: "2027-01-14", daysToGoLive: 42 });
  });

  it("names the next call after that moment: Friday's daily status check", async () => {
    const { meetings } = (await get("/api/meetings")) as { meetings: { subject: string; startsAt: string }[] };
    expect(meetings[0]).toMatchObject({ subject: "Riverbend daily status check", startsAt: "2026-12-04T14:00:00.000Z" });
    // Nothing listed ended before the set clock's now, though the real date is earlier.
    expect(meetings.every((m) => m.startsAt > "2026-12-03T21:00:00.000Z")).toBe(true);
  });
});
