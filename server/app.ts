import { existsSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { pinoHttp } from "pino-http";
import type { AppDeps } from "./appDeps";
import { notFound, unauthorized } from "./errors";
import { errorMiddleware } from "./http/errorMiddleware";
import { meetingsRouter } from "./routes/meetings/router";
import { meetingLinkRouter } from "./routes/meetings/linkRouter";
import { captureRouter } from "./routes/capture/router";
import { recapRouter } from "./routes/recap/router";
import { createAttendancePending } from "./services/recap/attendancePending";
import { MeetingAnswerCache } from "./services/meetings/meetingAnswerCache";
import { ChatMeetingLookups } from "./services/meetings/chatMeetingLookups";
import { seriesRouter } from "./routes/series/router";
import { outboxRouter } from "./routes/outbox/router";
import { workspaceRouter } from "./routes/workspace/router";
import { authRouter } from "./routes/auth/router";
import { projectsRouter } from "./routes/projects/router";
import { plannerRouter } from "./routes/planner/router";
import { unattendedRouter } from "./routes/unattended/router";
import { sessionRouter } from "./routes/session/router";
import { queueRouter } from "./routes/queue/router";
import { remindersRouter } from "./routes/reminders/router";
import { searchRouter } from "./routes/search/router";
import { actionsRouter } from "./routes/actions/router";
import { contextOf, type RequestContext } from "./http/requestContext";
import { runAsTenant } from "./db/tenantScope";
import { stageRouter, stageTicketRouter } from "./routes/stage/router";
import { MeetingFeeds } from "./live/meetingFeeds";
import { createLiveClients } from "./live/liveClients";
import { randomBytes } from "node:crypto";
import { botRouter } from "./routes/bot/router";
import { teamsCardsRouter } from "./routes/outbox/teamsCardsRouter";
import { noStore, securityHeaders } from "./http/securityHeaders";
import { inlineScriptHashes, webAssets } from "./http/webAssets";
import { describeError } from "./services/errors/describeError";
import { createStorageHealth, STORAGE_RETRY_AFTER_S } from "./services/health/storageHealth";

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.use(
    securityHeaders({
      production: deps.production ?? false,
      testHostOrigins: deps.teamsHostOrigins ?? [],
      inlineScriptHashes: inlineScriptHashes(deps.webRoot),
      ...(deps.consent ? { authorityHost: deps.consent.authorityHost } : {}),
    }),
  );
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id = typeof incoming === "string" && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
      // Our serializers see the real objects (the Error with its cause, not pino's copy of it).
      wrapSerializers: false,
      // Paths only: query strings may carry a credential, bodies carry meeting content.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split("?")[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        // Cause and codes only: never SQL, its parameters or row data (issue 13 §8).
        err: describeError,
      },
      // The tenant is known once the request is authenticated: it goes on the completion line, as
      // a field of that line (customProps would build two child loggers per request, issue 19).
      customSuccessObject: (_req, res, line: Record<string, unknown>) => withTenant(res, line),
      customErrorObject: (_req, res, _err, line: Record<string, unknown>) => withTenant(res, line),
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info"),
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    }),
  );

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  const storage = createStorageHealth();
  app.get("/readyz", async (_req, res) => {
    if (!deps.isReady()) {
      res.status(503).json({ status: "not_ready" });
      return;
    }
    const fault = storage.current();
    if (fault) {
      res.setHeader("Retry-After", String(STORAGE_RETRY_AFTER_S));
      res.status(503).json({ status: fault });
      return;
    }
    try {
      await deps.database.ping();
      res.json({ status: "ready", database: deps.database.kind });
    } catch {
      res.setHeader("Retry-After", String(STORAGE_RETRY_AFTER_S));
      res.status(503).json({ status: "database_unreachable" });
    }
  });

  app.use("/auth", authRouter(deps.consent ?? null));

  const api = express.Router();
  api.use(noStore);
  // The server's clock for the browser (src/api/serverClock.ts): under CALLBOOK_NOW the UI's "today" is the server's.
  api.use((_req, res, next) => {
    res.setHeader("X-Callbook-Now", deps.clock().toISOString());
    next();
  });
  api.use(bodiesOnly(express.json({ limit: "256kb" })));
  if (deps.botEndpoint) api.use("/messages", botRouter(deps.botEndpoint));
  api.use("/session", sessionRouter(deps));
  const stageSecret = deps.stageTicketSecret ?? new Uint8Array(randomBytes(32));
  // One shared reader per meeting for the panels' streams and the stage's.
  const feeds = new MeetingFeeds(deps.database.db, deps.bus);
  const liveClients = deps.liveClients ?? createLiveClients();
  api.use("/stage", stageRouter({ ...deps, liveClients }, stageSecret, feeds));
  // Signed links of reminder digests: no sign-in (the link's signature is the credential).
  api.use("/reminders", remindersRouter(deps, deps.linkSecret));
  api.use(authenticate(deps));
  api.get("/me", (_req, res) => {
    const ctx = contextOf(res);
    res.json({ tenantId: ctx.tenantId, name: ctx.name, email: ctx.email, personId: ctx.personId, via: ctx.via });
  });
  api.use("/me/unattended", unattendedRouter(deps));
  // The side panel's meeting, agenda and capture answers, pre-serialised with ETags (issue 19).
  // The three by-chat routes share one Graph look-up of the chat per user.
  const answers = new MeetingAnswerCache(deps.revisions, deps.bus);
  const byChat = { ...deps, chatMeetings: deps.chatMeetings ?? new ChatMeetingLookups() };
  api.use("/meetings", meetingLinkRouter(byChat, answers));
  api.use("/meetings", meetingsRouter(byChat, answers));
  api.use("/meetings", captureRouter({ ...byChat, liveClients }, feeds, answers));
  api.use("/meetings", recapRouter({ ...deps, attendancePending: deps.attendancePending ?? createAttendancePending() }));
  api.use("/meetings", stageTicketRouter(deps, stageSecret));
  api.use("/projects", workspaceRouter(deps));
  api.use("/projects", projectsRouter(deps));
  api.use("/projects", seriesRouter(deps));
  api.use("/projects", plannerRouter(deps));
  api.use("/projects", searchRouter(deps));
  api.use("/actions", actionsRouter(deps));
  api.use("/outbox", teamsCardsRouter(deps));
  api.use("/outbox", outboxRouter(deps));
  const queue = queueRouter(deps);
  api.use("/queue", queue.mine);
  api.use("/projects", queue.projects);
  api.use("/admin", queue.admin);
  api.use((_req, _res, next) => next(notFound("Route")));
  app.use("/api", api);

  if (deps.webRoot && existsSync(join(deps.webRoot, "index.html"))) {
    const webRoot = deps.webRoot;
    // Hashed assets (/assets/name-<hash>.ext) never change under their name: a year, immutable, and
    // their brotli/gzip twins written at build (vite.config.ts) are sent by Accept-Encoding with
    // Vary: Accept-Encoding. Pages must not be cached (after a deploy they name new assets).
    app.use(webAssets(webRoot));
    // Client-side routes: every other GET gets the app shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(join(webRoot, "index.html"));
    });
  }

  app.use(errorMiddleware(deps.logger, storage));
  return app;
}

/** The completion log line with the caller's tenant, once a request is authenticated. */
function withTenant(res: unknown, line: Record<string, unknown>): Record<string, unknown> {
  const ctx = (res as { locals?: { ctx?: { tenantId: string } } }).locals?.ctx;
  return ctx ? { ...line, tenantId: ctx.tenantId } : line;
}

/** Methods whose requests carry no body a route reads (RFC 9110 §9.3.1, §9.3.2): their body parser is skipped. */
const BODILESS = new Set(["GET", "HEAD", "OPTIONS"]);

/** `parser` for requests of methods that carry a body; GET, HEAD and OPTIONS go straight on (issue 19: no parser work on reads). */
function bodiesOnly(parser: RequestHandler): RequestHandler {
  return (req, res, next) => {
    if (BODILESS.has(req.method)) {
      next();
      return;
    }
    return parser(req, res, next);
  };
}

/**
 * Tries `deps.authenticators` in order: the first to recognise the request sets `res.locals.ctx`,
 * binds `req.log` to the tenant and runs the rest of the request as that tenant; none answers 401.
 * An authenticator that answers from memory answers synchronously, and so does this middleware
 * then (no promise per request on the hot path, issue 19).
 */
function authenticate(deps: AppDeps): RequestHandler {
  const { authenticators } = deps;
  const accept = (req: Request, res: Response, next: NextFunction, ctx: RequestContext) => {
    res.locals.ctx = ctx;
    bindLogToTenant(req, ctx.tenantId);
    runAsTenant(ctx.tenantId, next);
  };
  const from = (i: number, req: Request, res: Response, next: NextFunction): Promise<void> | undefined => {
    for (; i < authenticators.length; i++) {
      const answer = authenticators[i]!(req);
      if (answer instanceof Promise) {
        const after = i + 1;
        return answer.then((ctx) => (ctx ? accept(req, res, next, ctx) : from(after, req, res, next)));
      }
      if (answer) {
        accept(req, res, next, answer);
        return undefined;
      }
    }
    next(unauthorized());
    return undefined;
  };
  return (req, res, next) => from(0, req, res, next);
}

/**
 * Makes `req.log` the request's logger bound to `tenantId`, built on first use: most requests
 * log nothing through it (their completion line carries the tenant itself), so most never pay for
 * the child logger.
 */
function bindLogToTenant(req: Request, tenantId: string): void {
  const base = req.log;
  let bound: typeof base | undefined;
  Object.defineProperty(req, "log", {
    configurable: true,
    enumerable: true,
    get: () => (bound ??= base.child({ tenantId })),
    set: (log: typeof base) => {
      bound = log;
    },
  });
}
