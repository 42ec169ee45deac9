import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import pino from "pino";
import request from "supertest";
import { eq, isNotNull } from "drizzle-orm";
import * as t from "../../../server/db/tables";
import type { AppDeps } from "../../../server/appDeps";
import { createApp } from "../../../server/app";
import { devAuthenticator } from "../../../server/auth/devSignIn";
import { createLocalBus } from "../../../server/live/liveBus";
import { localOutboxMail } from "../../../server/graph/mailFactory";
import { createGraphGateway } from "../../../server/graph/graphGateway";
import { createStoredConsent, type StoredConsent } from "../../../server/auth/storedConsent";
import { openTokenCache } from "../../../server/auth/tokenCacheCipher";
import { sendDueDigests } from "../../../server/services/reminders/sendDueDigests";
import { demoId } from "../../../server/db/demo/seedDemo";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { databaseKinds, type TestDatabase } from "../../support/testDatabase";
import { devAuth } from "../../support/testApp";
import type { FakeGraphServer } from "../../support/graph/fakeGraphServer";
import type { FakeEntraServer } from "../../support/graph/fakeEntraServer";
import { startGraphWorld, type GraphWorld } from "../../support/graph/graphWorld";

const options = { linkSecret: "test-link-secret", baseUrl: "https://callbook.example" };
const dana = demoId("person_dana", DEMO_TENANT_ID);
const danaOid = "0b6f3a1e-2c4d-4e5f-8a9b-0c1d2e3f4a5b";

describe.each(databaseKinds)("digests sent with no user present, through the PM's stored consent, on %s", (kind) => {
  let world: GraphWorld | undefined;
  let tdb: TestDatabase;
  let entra: FakeEntraServer;
  let graph: FakeGraphServer;
  let consent: StoredConsent;
  let deps: AppDeps;
  let danaEmail = "";
  const key = randomBytes(32);
  let now = new Date("2026-11-23T14:00:00Z");

  beforeAll(async () => {
    world = await startGraphWorld({ database: kind });
    ({ tdb, entra, graph } = world);
    // Graph accepts only access tokens Entra issued to Dana.
    graph.acceptTokens((token) => entra.issuedAccessTokens.get(token) === danaOid);
    consent = createStoredConsent({
      ...entra.msal,
      db: tdb.database.db,
      key,
      scopes: ["https://graph.microsoft.com/Mail.Send", "https://graph.microsoft.com/Mail.ReadWrite"],
      redirectUri: "https://callbook.example/auth/end",
      clock: () => now,
    });
    const clock = () => now;
    deps = {
      database: tdb.database,
      logger: pino({ level: "silent" }),
      clock,
      authenticators: [devAuthenticator(tdb.database.db)],
      isReady: () => true,
      devSignIn: true,
      bus: createLocalBus(),
      mail: localOutboxMail(tdb.database.db, clock),
      mailMode: "graph",
      unattended: { mail: createGraphGateway({ baseUrl: graph.baseUrl, tokens: consent.tokens, maxRetries: 0, settleMs: 0, clock }), consent },
    };
    danaEmail = (await tdb.database.db.select().from(t.people).where(eq(t.people.id, dana)))[0]?.email ?? "";
    // Access tokens live 60 s: msal refreshes any that expire within 5 minutes, so every run goes to Entra.
    entra.setAccessTokenLifetime(60);
  });
  afterAll(async () => {
    await world?.close();
  });

  const digests = async (day: string) =>
    (await tdb.database.db.select().from(t.outboxItems).where(isNotNull(t.outboxItems.reminderPersonId))).filter((r) => r.reminderLocalDate === day);

  it("before the PM connects, the digest is held and the PM sees 'connect'", async () => {
    const result = await sendDueDigests(deps, now, options);
    expect(result.sent).toBe(0);
    expect(result.waitingForReconnect).toBeGreaterThan(0);
    const rows = await digests("2026-11-23");
    expect(rows.every((r) => r.status === "failed" && /reconnect Callbook.*not_connected/.test(r.error ?? ""))).toBe(true);
    const status = await request(createApp(deps)).get("/api/me/unattended").set("Authorization", devAuth("dana"));
    expect(status.body).toMatchObject({ available: true, state: "none", held: rows.length });
  });

  it("after the PM's consent, a digest goes from the PM's mailbox with no request present; the stored cache is not plaintext", async () => {
    const { state, codeChallenge } = await consent.begin(DEMO_TENANT_ID, dana);
    const connect = await request(createApp(deps))
      .post("/api/me/unattended")
      .set("Authorization", devAuth("dana"))
      .send({ code: entra.issueAuthCode({ oid: danaOid, email: danaEmail, name: "Dana Whitfield" }, { codeChallenge }), state });
    expect(connect.status).toBe(200);
    expect(connect.body).toMatchObject({ state: "connected" });
    const [row] = await tdb.database.db.select().from(t.delegatedTokenCaches).where(eq(t.delegatedTokenCaches.personId, dana));
    const plain = openTokenCache(row?.ciphertext ?? "", key, `${DEMO_TENANT_ID}/${dana}`);
    const refreshToken = /"secret":"(rt\.[^"]+)"/.exec(plain)?.[1] ?? "";
    expect(refreshToken).toMatch(/^rt\./);
    expect(row?.ciphertext).toMatch(/^v1\./);
    for (const secret of [refreshToken, "RefreshToken", danaEmail, "rt."]) expect(row?.ciphertext).not.toContain(secret);
    expect(() => openTokenCache(row?.ciphertext ?? "", key, `${DEMO_TENANT_ID}/someone-else`)).toThrow();

    // The job's run: no user request, no SSO token. The held digests go now.
    now = new Date("2026-11-23T14:15:00Z");
    const result = await sendDueDigests(deps, now, options);
    expect(result.sent).toBeGreaterThan(0);
    const rows = await digests("2026-11-23");
    expect(rows.map((r) => [r.status, r.fromEmail])).toEqual(rows.map(() => ["sent", danaEmail]));
    expect(graph.requestsTo("sendMessage").filter((r) => r.outcome === 202)).toHaveLength(rows.length);
    expect(entra.tokenRequests.some((r) => r.form.grant_type === "refresh_token")).toBe(true);
    // The refresh rotated the refresh token: the sealed cache was written again.
    const [after] = await tdb.database.db.select().from(t.delegatedTokenCaches).where(eq(t.delegatedTokenCaches.personId, dana));
    expect(openTokenCache(after?.ciphertext ?? "", key, `${DEMO_TENANT_ID}/${dana}`)).not.toContain(refreshToken);
  });

  it("a revoked refresh token turns into a visible 'reconnect' and held digests, not a silent drop", async () => {
    entra.revokeRefreshTokens(danaOid);
    now = new Date("2026-11-24T14:00:00Z");
    const result = await sendDueDigests(deps, now, options);
    expect(result).toMatchObject({ sent: 0 });
    expect(result.waitingForReconnect).toBeGreaterThan(0);
    const held = await digests("2026-11-24");
    expect(held.every((r) => r.status === "failed" && /Dana Whitfield to reconnect/.test(r.error ?? ""))).toBe(true);
    const status = await request(createApp(deps)).get("/api/me/unattended").set("Authorization", devAuth("dana"));
    expect(status.body).toMatchObject({ state: "reconnect", reason: expect.stringContaining("invalid_grant") as string, held: held.length });
    // Later runs do not hammer Entra while the PM has not reconnected.
    const calls = entra.tokenRequests.length;
    await sendDueDigests(deps, new Date("2026-11-24T14:15:00Z"), options);
    expect(entra.tokenRequests.length).toBe(calls);

    // The PM reconnects: the held digests go out at the next run, once each.
    const again = await consent.begin(DEMO_TENANT_ID, dana);
    await consent.connect(DEMO_TENANT_ID, dana, entra.issueAuthCode({ oid: danaOid, email: danaEmail, name: "Dana Whitfield" }, { codeChallenge: again.codeChallenge }), again.state);
    const resumed = await sendDueDigests(deps, new Date("2026-11-24T14:30:00Z"), options);
    expect(resumed.sent).toBe(held.length);
    expect((await digests("2026-11-24")).every((r) => r.status === "sent")).toBe(true);
    expect((await sendDueDigests(deps, new Date("2026-11-24T14:45:00Z"), options)).sent).toBe(0);
  });
});
