import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import request from "supertest";
import pino from "pino";
import { createApp } from "../../../server/app";
import { createLocalBus } from "../../../server/live/liveBus";
import type { Database } from "../../../server/db/database";

const webRoot = fileURLToPath(new URL("../../../dist/web", import.meta.url));
const TEST_HOST = "http://127.0.0.1:45678";

function appIn(mode: "development" | "production") {
  const database = { kind: "pglite", ping: () => Promise.resolve() } as unknown as Database;
  return createApp({
    database, logger: pino({ level: "silent" }), clock: () => new Date(), authenticators: [], isReady: () => true, devSignIn: false,
    bus: createLocalBus(), mail: () => { throw new Error("no mail here"); }, mailMode: "graph",
    webRoot, production: mode === "production", teamsHostOrigins: [TEST_HOST],
  });
}

/** The CSP as directive → sources. */
function csp(header: string | undefined): Map<string, string[]> {
  expect(header, "Content-Security-Policy").toBeTruthy();
  return new Map((header ?? "").split(";").map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name ?? "", values]));
}

const pages = ["/", "/?view=home", "/outlook.html"];

describe.each(["development", "production"] as const)("security headers in %s (issue 13 §4)", (mode) => {
  it("the built front end exists (npm run build:web)", () => {
    expect(existsSync(`${webRoot}/index.html`)).toBe(true);
  });

  it.each(pages)("%s may be framed only by Teams, Outlook and Microsoft 365 hosts", async (path) => {
    const res = await request(appIn(mode)).get(path);
    expect(res.status).toBe(200);
    const policy = csp(res.headers["content-security-policy"]);
    const ancestors = policy.get("frame-ancestors") ?? [];
    for (const host of ["https://teams.microsoft.com", "https://*.teams.microsoft.com", "https://*.cloud.microsoft", "https://outlook.office.com", "https://outlook.office365.com", "https://*.office.com", "https://*.office365.com", "https://gov.teams.microsoft.us", "https://dod.teams.microsoft.us"]) {
      expect(ancestors).toContain(host);
    }
    expect(ancestors).not.toContain("*");
    // The test host page frames the app in e2e; never in production.
    expect(ancestors.includes(TEST_HOST)).toBe(mode !== "production");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("style-src")).toContain("'unsafe-inline'"); // Fluent (Griffel) inserts <style> elements
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["x-frame-options"]).toBeUndefined();
    if (mode === "production") expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    else expect(res.headers["strict-transport-security"]).toBeUndefined();
  });

  it("outlook.html may load Office.js from Microsoft's CDN", async () => {
    const res = await request(appIn(mode)).get("/outlook.html");
    expect(csp(res.headers["content-security-policy"]).get("script-src")).toContain("https://appsforoffice.microsoft.com");
  });

  it.each(["/api/session/config", "/api/me", "/api/meetings/nope"])("the API answer %s is never stored, and carries the same headers", async (path) => {
    const res = await request(appIn(mode)).get(path);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors");
    expect(res.headers["strict-transport-security"] !== undefined).toBe(mode === "production");
  });
});
