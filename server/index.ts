import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { AddressInfo, Socket } from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ConfigError, loadConfig, type Config } from "./config";
import { createLogger } from "./logger";
import { DatabaseUnavailable, openDatabase } from "./db/database";
import { migrate } from "./db/migrate";
import { backfillCallTypes } from "./services/meetings/backfillCallTypes";
import { ensureDemo } from "./db/ensureDemo";
import { createApp } from "./app";
import { clockStartingAt, systemClock } from "./clock";
import { devAuthenticator } from "./auth/devSignIn";
import { createRemoteJWKSet } from "jose";
import { createTokenVerifier, defaultAllowedClientIds } from "./auth/verifyTeamsToken";
import { entraAuthenticator } from "./auth/entraAuthenticator";
import { createGraphGateway } from "./graph/graphGateway";
import { createGraphRequester } from "./graph/graphRequester";
import { createPlannerClient, type PlannerAccess } from "./graph/plannerClient";
import { tokenCacheKey } from "./auth/tokenCacheCipher";
import type { MailCalendarGateway } from "./graph/MailCalendarGateway";
import type { StoredConsent } from "./auth/storedConsent";
import { localOutboxMail } from "./graph/mailFactory";
import type { Authenticator } from "./http/requestContext";
import { createLocalBus } from "./live/liveBus";
import { createPgBus } from "./live/pgBus";
import { watchRevisions } from "./db/revisionWatch";
import { openListener } from "./db/pgListener";
import { createLiveClients } from "./live/liveClients";
import { buildBotEndpoint } from "./bot/buildBotEndpoint";
import type { AppDeps } from "./appDeps";
import { startJobs, type RunningJobs } from "./services/jobs/startJobs";
import { startInProcessJobs } from "./services/jobs/startInProcessJobs";

// The only place real dependencies are built.

/** Delegated Graph permissions Callbook asks consent for (the pop-up) and uses; Tasks.ReadWrite is Planner's. */
const consentScopes = [
  "Mail.Send",
  "Mail.ReadWrite",
  "Calendars.ReadWrite",
  "Chat.ReadBasic",
  "OnlineMeetings.Read",
  "OnlineMeetingArtifact.Read.All",
  "OnlineMeetingRecording.Read.All",
  "OnlineMeetingTranscript.Read.All",
  "Tasks.ReadWrite",
  "User.ReadBasic.All",
].map(
  (scope) => `https://graph.microsoft.com/${scope}`,
);
/** What jobs need as the PM: mail for digests, Planner for the sync, users for assignments. */
const unattendedScopes = ["Mail.Send", "Mail.ReadWrite", "Tasks.ReadWrite", "User.ReadBasic.All"].map((scope) => `https://graph.microsoft.com/${scope}`);

async function main(config: Config): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  const clock = config.CALLBOOK_NOW ? clockStartingAt(new Date(config.CALLBOOK_NOW)) : systemClock;
  if (config.CALLBOOK_NOW) logger.warn({ startsAt: clock().toISOString() }, "clock set by CALLBOOK_NOW");
  let ready = false;
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolMax: config.DB_POOL_MAX,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
  });
  const applied = await migrate(database);
  logger.info({ applied, database: database.kind }, applied.length ? "migrations applied" : "database up to date");
  if (config.DEMO_DATA && (await ensureDemo(database, clock()))) logger.info("demo project seeded");
  const typed = await backfillCallTypes(database.db);
  if (typed) logger.info({ typed }, "stored the recognised call type of meetings that had none");

  // One LISTEN connection for the process, serving the live bus and the revision watch.
  const listener = openListener(database, logger);
  const bus =
    database.kind === "postgres" && database.pool
      ? await createPgBus(listener, database.pool, logger)
      : createLocalBus();
  const liveClients = createLiveClients({ perUser: config.LIVE_STREAMS_PER_USER, perMeeting: config.LIVE_STREAMS_PER_MEETING });
  const revisions = await watchRevisions(database, logger, listener);
  const authenticators: Authenticator[] = [];
  let mail = localOutboxMail(database.db, clock);
  if (config.AAD_APP_CLIENT_ID && config.TAB_DOMAIN) {
    const verifier = createTokenVerifier({
      clientId: config.AAD_APP_CLIENT_ID,
      appIdUri: `api://${config.TAB_DOMAIN}/${config.AAD_APP_CLIENT_ID}`,
      // Outlook's nested app authentication asks for tokens as Callbook's own SPA client.
      allowedClientIds: [...defaultAllowedClientIds, config.AAD_APP_CLIENT_ID],
      ...(config.ALLOWED_TENANTS ? { allowedTenants: config.ALLOWED_TENANTS } : {}),
      jwks: createRemoteJWKSet(new URL(`${config.AUTHORITY_HOST}/common/discovery/v2.0/keys`)),
    });
    authenticators.push(entraAuthenticator(verifier, database.db, logger));
  }
  let planner: PlannerAccess | undefined;
  let unattended: { mail: MailCalendarGateway; consent: StoredConsent } | undefined;
  const publicUrl = config.PUBLIC_URL ?? (config.TAB_DOMAIN ? `https://${config.TAB_DOMAIN}` : undefined);
  if (config.GRAPH_MODE === "graph" && config.AAD_APP_CLIENT_ID && config.AAD_APP_CLIENT_SECRET) {
    // msal-node (under these two) is loaded only in Graph mode: some 20 MB of RSS an outbox-mode server never uses.
    const [{ createOboTokenProvider }, { createStoredConsent }] = await Promise.all([import("./auth/oboTokenProvider"), import("./auth/storedConsent")]);
    const authority = `${config.AUTHORITY_HOST}/${config.AAD_APP_TENANT_ID ?? "organizations"}`;
    const obo = createOboTokenProvider({
      timeoutMs: config.GRAPH_TIMEOUT_MS,
      clientId: config.AAD_APP_CLIENT_ID,
      clientSecret: config.AAD_APP_CLIENT_SECRET,
      authority,
    });
    const gateway = createGraphGateway({ baseUrl: config.GRAPH_BASE_URL, timeoutMs: config.GRAPH_TIMEOUT_MS, tokens: obo, logger, clock });
    mail = () => gateway;
    // Sending and Planner polling with no user present: the PM's stored consent (issue 17 §5, docs/deploy.md).
    if (config.TOKEN_CACHE_KEY && publicUrl) {
      const consent = createStoredConsent({
        db: database.db,
        key: tokenCacheKey(config.TOKEN_CACHE_KEY),
        clientId: config.AAD_APP_CLIENT_ID,
        clientSecret: config.AAD_APP_CLIENT_SECRET,
        authority,
        timeoutMs: config.GRAPH_TIMEOUT_MS,
        scopes: unattendedScopes,
        redirectUri: new URL("/auth/end", publicUrl).toString(),
        clock,
      });
      unattended = { mail: createGraphGateway({ baseUrl: config.GRAPH_BASE_URL, timeoutMs: config.GRAPH_TIMEOUT_MS, tokens: consent.tokens, logger, clock }), consent };
    } else logger.warn("TOKEN_CACHE_KEY or PUBLIC_URL is not set: digests and Planner polling cannot run without a user present");
    // Planner calls make no retries of their own: a 429 defers the plan until Retry-After on the clock.
    const plannerRequester = (tokens: typeof obo) => createGraphRequester({ baseUrl: config.GRAPH_BASE_URL, timeoutMs: config.GRAPH_TIMEOUT_MS, tokens, maxRetries: 0 });
    const asCaller = plannerRequester(obo);
    const asPm = unattended ? plannerRequester(unattended.consent.tokens) : null;
    planner = {
      forRequest: (identity) => createPlannerClient(asCaller, identity),
      forPerson: (tenantId, personId) => {
        const identity = { tenantId, userId: personId, name: "", email: "", token: "" };
        if (asPm) return createPlannerClient(asPm, identity);
        return createPlannerClient(plannerRequester({ getGraphToken: () => Promise.reject(new Error("TOKEN_CACHE_KEY is not set: no stored consent")) }), identity);
      },
      linkBase: publicUrl ?? "",
    };
  }
  if (config.DEV_SIGN_IN) authenticators.push(devAuthenticator(database.db));

  // Outside production a fixed development key, so links survive restarts; production needs LINK_SECRET.
  const linkSecret = config.LINK_SECRET ?? (config.NODE_ENV === "production" ? undefined : "callbook-development-link-secret-not-for-production");
  const deps: AppDeps = {
    database,
    logger,
    clock,
    authenticators,
    isReady: () => ready,
    devSignIn: config.DEV_SIGN_IN,
    ...(config.STAGE_TICKET_SECRET ? { stageTicketSecret: new TextEncoder().encode(config.STAGE_TICKET_SECRET) } : {}),
    bus,
    liveClients,
    revisions,
    mail,
    mailMode: config.GRAPH_MODE,
    ...(planner ? { planner } : {}),
    ...(unattended ? { unattended } : {}),
    entra:
      config.AAD_APP_CLIENT_ID && config.TAB_DOMAIN
        ? { clientId: config.AAD_APP_CLIENT_ID, apiResource: `api://${config.TAB_DOMAIN}/${config.AAD_APP_CLIENT_ID}` }
        : null,
    consent: config.AAD_APP_CLIENT_ID
      ? {
          clientId: config.AAD_APP_CLIENT_ID,
          authorityHost: config.AUTHORITY_HOST,
          tenantId: config.AAD_APP_TENANT_ID,
          publicUrl: config.PUBLIC_URL ?? (config.TAB_DOMAIN ? `https://${config.TAB_DOMAIN}` : undefined),
          scopes: [...consentScopes],
        }
      : null,
    webRoot: fileURLToPath(new URL("../dist/web", import.meta.url)),
    teamsHostOrigins: config.TEAMS_TEST_HOST_ORIGINS ?? [],
    ...(await buildBotEndpoint(config, { db: database.db, bus, clock, logger })),
    ...(config.TEAMS_APP_ID ? { teamsAppId: config.TEAMS_APP_ID } : {}),
    production: config.NODE_ENV === "production",
    ...(linkSecret ? { linkSecret } : {}),
  };
  const app = createApp(deps);
  const server = app.listen(config.PORT, config.HOST);
  await once(server, "listening");
  // Requests under way per socket, so shutdown can close every socket that is not serving one
  // (including ones a browser opened ahead of time and never used).
  const busy = new Map<Socket, number>();
  server.on("connection", (socket: Socket) => {
    busy.set(socket, 0);
    socket.on("close", () => busy.delete(socket));
  });
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    res.on("close", () => busy.set(socket, Math.max(0, (busy.get(socket) ?? 1) - 1)));
  });
  const closeUnusedSockets = () => {
    for (const [socket, n] of busy) if (n === 0) socket.destroy();
  };
  ready = true;
  // Live recap cards posted before a restart stay live: their activity ids are in bot_posts.
  deps.botEndpoint?.bot
    .resume()
    .then((cards) => logger.info({ cards }, "recap cards watched again"))
    .catch((e: unknown) => logger.error({ err: { message: e instanceof Error ? e.message : String(e) } }, "recap cards were not watched again"));
  const { port } = server.address() as AddressInfo;
  logger.info({ port, url: `http://localhost:${port}` }, "Callbook is listening");
  // Durable jobs start after the server answers: a slow schema install never delays /readyz.
  let jobs: RunningJobs | null = null;
  const jobsOn = config.JOBS && (config.NODE_ENV !== "production" || config.LINK_SECRET !== undefined);
  if (config.JOBS && !jobsOn) logger.warn("jobs are off: LINK_SECRET is not set (reminder links are signed with it)");
  const jobOptions = {
    linkSecret: linkSecret ?? "",
    pollingIntervalSeconds: config.JOBS_POLL_SECONDS,
    baseUrl: config.PUBLIC_URL ?? `http://localhost:${port}`,
  };
  // pg-boss on PostgreSQL (several instances); a timer in this process on the embedded database (one process per data folder).
  const jobsStarting = jobsOn
    ? (database.kind === "postgres" ? startJobs(deps, jobOptions) : Promise.resolve(startInProcessJobs(deps, jobOptions)))
        .then((j) => {
          jobs = j;
          logger.info("jobs started");
        })
        .catch((e: unknown) => logger.error({ err: { message: e instanceof Error ? e.message : String(e) } }, "jobs did not start"))
    : Promise.resolve();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ready = false;
    logger.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, "shutting down: not ready");
    const force = setTimeout(() => {
      logger.error("in-flight requests did not finish in time; exiting");
      process.exit(1);
    }, 9_000 + config.SHUTDOWN_GRACE_MS);
    force.unref();
    if (config.SHUTDOWN_GRACE_MS > 0) await new Promise((r) => setTimeout(r, config.SHUTDOWN_GRACE_MS));
    // Stop accepting; live streams are told to reconnect elsewhere; in-flight requests finish.
    server.close();
    const streams = liveClients.closeAll();
    server.closeIdleConnections();
    logger.info({ streams }, "no longer accepting; waiting for in-flight requests");
    // Keep-alive sockets become idle as their last request ends: close them as they do.
    closeUnusedSockets();
    const sweep = setInterval(closeUnusedSockets, 100);
    await once(server, "close").catch(() => undefined);
    clearInterval(sweep);
    await jobsStarting;
    await (jobs as RunningJobs | null)?.stop().catch(() => undefined);
    await bus.close();
    await revisions.close();
    await listener.close();
    await database.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    process.stderr.write(`Callbook cannot start: ${e.problems.join("; ")}\n`);
    process.exit(2);
  }
  throw e;
}
main(config).catch((e: unknown) => {
  const message =
    e instanceof DatabaseUnavailable
      ? e.message
      : (e as NodeJS.ErrnoException).code === "EADDRINUSE"
        ? `port ${config.PORT} is already in use (set PORT to another)`
        : e instanceof Error
          ? e.message
          : String(e);
  process.stderr.write(`Callbook cannot start: ${message}\n`);
  process.exit(1);
});
