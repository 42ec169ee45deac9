import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { eq } from "drizzle-orm";
import * as t from "../../../server/db/tables";
import { createGraphGateway } from "../../../server/graph/graphGateway";
import { createStoredConsent } from "../../../server/auth/storedConsent";
import { demoId } from "../../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import type { TestDatabase } from "../../support/testDatabase";
import { buildTestApp, devAuth } from "../../support/testApp";
import { TEST_NOW } from "../../support/constants";
import type { FakeGraphServer } from "../../support/graph/fakeGraphServer";
import type { FakeEntraServer } from "../../support/graph/fakeEntraServer";
import { startGraphWorld, type GraphWorld } from "../../support/graph/graphWorld";

// The consent for sending without the PM (issue 17 §5) over HTTP, as the browser's Connect button
// and the Teams pop-up run it: start (PKCE + state bound to the caller) → /auth/consent redirects
// to Entra with both → Entra comes back with a code and the state → the page posts them.

const dana = demoId("person_dana", DEMO_TENANT_ID);
const danaOid = "0b6f3a1e-2c4d-4e5f-8a9b-0c1d2e3f4a5b";
const PUBLIC_URL = "https://callbook.example";

describe("connecting Callbook for sending without the PM: PKCE and a single-use state bound to the person", () => {
  let world: GraphWorld | undefined;
  let tdb: TestDatabase;
  let entra: FakeEntraServer;
  let graph: FakeGraphServer;
  let app: Express;
  const danaUser = { oid: danaOid, email: "dana@riverside.example", name: "Dana Whitfield" };
  // The app's settable clock (CALLBOOK_NOW): consent requests expire on it, not on real time.
  let now = TEST_NOW;

  beforeAll(async () => {
    world = await startGraphWorld({ database: "pglite" });
    ({ tdb, entra, graph } = world);
    const consent = createStoredConsent({
      ...entra.msal,
      db: tdb.database.db,
      key: randomBytes(32),
      scopes: ["https://graph.microsoft.com/Mail.Send"],
      redirectUri: `${PUBLIC_URL}/auth/end`,
      clock: () => now,
    });
    app = buildTestApp(tdb.database, {
      clock: () => now,
      deps: {
        mailMode: "graph",
        unattended: { mail: createGraphGateway({ baseUrl: graph.baseUrl, tokens: consent.tokens, maxRetries: 0 }), consent },
        consent: { clientId: entra.clientId, authorityHost: "https://login.microsoftonline.com", tenantId: undefined, publicUrl: PUBLIC_URL, scopes: ["Mail.Send"] },
      },
    });
  });
  afterAll(async () => {
    await world?.close();
  });

  /** Connect → Entra's authorize URL (what the browser is sent to) and what Entra would hand back. */
  async function openConsent(person: string): Promise<{ authorize: URL; state: string; challenge: string }> {
    const start = await request(app).post("/api/me/unattended/start").set("Authorization", devAuth(person));
    expect(start.status).toBe(200);
    const consentUrl = (start.body as { consentUrl: string }).consentUrl;
    expect(consentUrl).toMatch(/^\/auth\/consent\?/);
    const redirect = await request(app).get(consentUrl);
    expect(redirect.status).toBe(302);
    const authorize = new URL(redirect.headers.location ?? "");
    return { authorize, state: authorize.searchParams.get("state") ?? "", challenge: authorize.searchParams.get("code_challenge") ?? "" };
  }
  const post = (person: string, body: Record<string, unknown>) => request(app).post("/api/me/unattended").set("Authorization", devAuth(person)).send(body);

  it("the redirect to Entra carries the state and an S256 challenge; the code with its state is stored as consent", async () => {
    const { authorize, state, challenge } = await openConsent("dana");
    expect(authorize.pathname).toMatch(/\/oauth2\/v2\.0\/authorize$/);
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${PUBLIC_URL}/auth/end`);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(state).toMatch(/^[0-9a-f-]{36}\./);
    const res = await post("dana", { code: entra.issueAuthCode(danaUser, { codeChallenge: challenge }), state });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: "connected" });
    const redeemed = entra.tokenRequests.filter((r) => r.form.grant_type === "authorization_code").at(-1);
    expect(redeemed?.form?.code_verifier).toBeTruthy();
    // The same state again is refused, even with a fresh code.
    const again = await post("dana", { code: entra.issueAuthCode(danaUser, { codeChallenge: challenge }), state });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/^state: was already used/);
  });

  it("refuses a code posted with no state, naming the field", async () => {
    const res = await post("dana", { code: entra.issueAuthCode(danaUser) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^state: is required/);
  });

  it("refuses a state opened for another person", async () => {
    const { state, challenge } = await openConsent("dana");
    const res = await post("rachel", { code: entra.issueAuthCode(danaUser, { codeChallenge: challenge }), state });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^state: was issued to another person/);
    // Dana's own request is still usable.
    expect((await post("dana", { code: entra.issueAuthCode(danaUser, { codeChallenge: challenge }), state })).status).toBe(200);
  });

  it("a code whose authorize request had another challenge is refused by Entra (the verifier does not match)", async () => {
    const { state } = await openConsent("dana");
    const other = await openConsent("dana");
    const res = await post("dana", { code: entra.issueAuthCode(danaUser, { codeChallenge: other.challenge }), state });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^code: Microsoft Entra refused it \(invalid_grant/);
    const [row] = await tdb.database.db.select().from(t.delegatedTokenCaches).where(eq(t.delegatedTokenCaches.personId, dana));
    expect(row?.state).toBe("connected"); // the earlier consent stays
  });

  it("a consent window left open past 10 minutes on the app's clock is refused as expired", async () => {
    const { state, challenge } = await openConsent("dana");
    now = new Date(now.getTime() + 10 * 60_000 + 1000);
    const res = await post("dana", { code: entra.issueAuthCode(danaUser, { codeChallenge: challenge }), state });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^state: has expired; open the consent window again/);
    // A fresh window works at the same moment.
    const fresh = await openConsent("dana");
    expect((await post("dana", { code: entra.issueAuthCode(danaUser, { codeChallenge: fresh.challenge }), state: fresh.state })).status).toBe(200);
  });

  it("expired consent requests are deleted when a new one is opened; ones still running stay", async () => {
    const requests = () => tdb.database.db.select({ id: t.consentRequests.id }).from(t.consentRequests);
    const old = await openConsent("rachel");
    now = new Date(now.getTime() + 9 * 60_000);
    const recent = await openConsent("dana");
    now = new Date(now.getTime() + 2 * 60_000); // the first is 11 minutes old, the second 2
    const next = await openConsent("dana");
    const left = (await requests()).map((r) => r.id);
    const idOf = (state: string) => state.split(".")[0];
    expect(left).not.toContain(idOf(old.state));
    expect(left).toEqual(expect.arrayContaining([idOf(recent.state), idOf(next.state)]));
    // The deleted one, posted late, is still told it expired.
    const late = await post("rachel", { code: entra.issueAuthCode(danaUser, { codeChallenge: old.challenge }), state: old.state });
    expect(late.body.error.message).toMatch(/^state: has expired; open the consent window again/);
    // The one kept still redeems.
    expect((await post("dana", { code: entra.issueAuthCode(danaUser, { codeChallenge: recent.challenge }), state: recent.state })).status).toBe(200);
  });
});
