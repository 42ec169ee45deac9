import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import request from "supertest";
import pino from "pino";
import { createApp } from "../../../server/app";
import { createLocalBus } from "../../../server/live/liveBus";
import type { Database } from "../../../server/db/database";

function appWith(consent: Parameters<typeof createApp>[0]["consent"]) {
  const database = { kind: "pglite", ping: () => Promise.resolve() } as unknown as Database;
  return createApp({
    database, logger: pino({ level: "silent" }), clock: () => new Date(), authenticators: [], isReady: () => true, devSignIn: false,
    bus: createLocalBus(), mail: () => { throw new Error("no mail here"); }, mailMode: "graph", consent,
  });
}

describe("the consent pop-up's first page", () => {
  it("sends the user to Entra's authorize endpoint with prompt=consent and Callbook's Graph scopes", async () => {
    const app = appWith({ clientId: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", authorityHost: "https://login.microsoftonline.com", tenantId: undefined, publicUrl: "https://callbook.example.com", scopes: ["https://graph.microsoft.com/Mail.Send"] });
    // Behind a proxy the app sees its internal host over http; the redirect comes from PUBLIC_URL only.
    const res = await request(app).get("/auth/consent?tenant=7d2c8f1e-5a0b-4c5b-9a1e-ca11b00c0001").set("Host", "10.0.0.7:53000").set("X-Forwarded-Host", "evil.example");
    expect(res.status).toBe(302);
    const to = new URL(res.headers.location ?? "");
    expect(to.origin + to.pathname).toBe("https://login.microsoftonline.com/7d2c8f1e-5a0b-4c5b-9a1e-ca11b00c0001/oauth2/v2.0/authorize");
    expect(to.searchParams.get("prompt")).toBe("consent");
    expect(to.searchParams.get("client_id")).toBe("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
    expect(to.searchParams.get("scope")).toContain("https://graph.microsoft.com/Mail.Send");
    expect(to.searchParams.get("redirect_uri")).toBe("https://callbook.example.com/auth/end");
  });

  it("refuses a malformed tenant, and answers 404 when no Entra app is configured", async () => {
    const configured = appWith({ clientId: "x", authorityHost: "https://login.microsoftonline.com", tenantId: undefined, publicUrl: "https://callbook.example.com", scopes: [] });
    const bad = await request(configured).get("/auth/consent?tenant=..%2Fevil");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("tenant: must be a tenant id");
    expect((await request(appWith(null)).get("/auth/consent")).status).toBe(404);
  });

  it("without a configured public address: 503 naming PUBLIC_URL, never a redirect built from the Host header", async () => {
    const app = appWith({ clientId: "x", authorityHost: "https://login.microsoftonline.com", tenantId: undefined, publicUrl: undefined, scopes: [] });
    const res = await request(app).get("/auth/consent").set("Host", "evil.example");
    expect(res.status).toBe(503);
    expect(res.body.error.message).toBe("The consent pop-up needs PUBLIC_URL (Callbook's public https address) to be configured");
  });

  it("aad.manifest.json registers /auth/end as a redirect URI", async () => {
    const manifest = JSON.parse(readFileSync("aad.manifest.json", "utf8")) as { replyUrlsWithType: { url: string; type: string }[] };
    expect(manifest.replyUrlsWithType).toContainEqual({ url: "https://${{TAB_DOMAIN}}/auth/end", type: "Web" });
  });
});
