import { z } from "zod";

// The one place that reads process.env. Parsed once at start-up; problems are listed, not thrown as a trace.

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const commaList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce
      .number({ message: "must be a number" })
      .int("must be a whole number")
      .min(0, "must be 0-65535")
      .max(65535, "must be 0-65535")
      .default(53000),
    HOST: z.string().min(1).default("127.0.0.1"),
    PUBLIC_URL: z.url("must be a URL like https://callbook.example.com").optional(),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
    /** After SIGTERM: how long /readyz answers 503 while still serving, so a load balancer drains us first. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(0),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DEMO_DATA: bool.default(true),
    DEV_SIGN_IN: bool.optional(),
    AAD_APP_CLIENT_ID: z.string().min(1).optional(),
    AAD_APP_TENANT_ID: z.string().min(1).optional(),
    AAD_APP_CLIENT_SECRET: z.string().min(1).optional(),
    TAB_DOMAIN: z.string().min(1).optional(),
    ALLOWED_TENANTS: commaList.optional(),
    GRAPH_MODE: z.enum(["outbox", "graph"]).default("outbox"),
    GRAPH_BASE_URL: z.url().default("https://graph.microsoft.com/v1.0"),
    AUTHORITY_HOST: z.url().default("https://login.microsoftonline.com"),
    /** Client-side timeout of one Graph or Entra request, ms: a hung connection is abandoned (504). */
    GRAPH_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(20_000),
    TEAMS_TEST_HOST_ORIGINS: commaList.optional(),
    /** Durable jobs (reminder digests) in this process: pg-boss on the same database. */
    JOBS: bool.default(true),
    /** Seconds between an instance's polls for due jobs (pg-boss); a queued job waits at most this long. */
    JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(600).default(30),
    /** Key of the signed links in reminder digests (mark done, move the date, mute); in production, jobs stay off without it. */
    LINK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** Open live streams allowed per signed-in person, and per meeting (per instance); more answer 429. */
    LIVE_STREAMS_PER_USER: z.coerce.number().int().min(1).max(100_000).default(10),
    LIVE_STREAMS_PER_MEETING: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    /** Starts the server's clock at this instant (ISO 8601 with an offset) and lets it run forward: demo rehearsals and tests only. */
    CALLBOOK_NOW: z.iso
      .datetime({ offset: true, message: "must be an ISO instant with an offset, like 2026-12-03T16:00:00-05:00" })
      .optional(),
    /**
     * AES-256 key (32 bytes, base64: `openssl rand -base64 32`) sealing PMs' stored consent, the
     * token caches jobs send with when no one is there (issue 17 §5). Keep it in the git-ignored
     * env/.env.*.user. Unset: in Graph mode, digests and Planner polling wait with "reconnect".
     */
    TOKEN_CACHE_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64 encoded (openssl rand -base64 32)")
      .optional(),
    /** Signs meeting-stage tickets (HS256); every instance needs the same one. Unset: random per process. */
    STAGE_TICKET_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** The Azure Bot's Microsoft app id (docs/deploy.md): the `aud` of Bot Connector tokens. Unset: no bot endpoint. */
    BOT_APP_ID: z.string().min(1).optional(),
    /** The bot app's client secret: client-credential tokens for the Bot Connector. */
    BOT_APP_PASSWORD: z.string().min(1).optional(),
    /** The bot app's home tenant (single-tenant Azure Bot); defaults to AAD_APP_TENANT_ID. */
    BOT_TENANT_ID: z.string().min(1).optional(),
    BOT_OPENID_METADATA_URL: z.url().default("https://login.botframework.com/v1/.well-known/openidconfiguration"),
    /** The Teams app id (manifest `id`): "Review and send" opens our recap in a Teams dialog of this app. */
    TEAMS_APP_ID: z.string().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === "production" && c.DEV_SIGN_IN === true) {
      ctx.addIssue({ code: "custom", path: ["DEV_SIGN_IN"], message: "must be off in production" });
    }
    if (c.NODE_ENV === "production" && c.TEAMS_TEST_HOST_ORIGINS && c.TEAMS_TEST_HOST_ORIGINS.length > 0) {
      ctx.addIssue({ code: "custom", path: ["TEAMS_TEST_HOST_ORIGINS"], message: "is for tests only; unset it in production" });
    }
    if (c.NODE_ENV === "production" && c.DATABASE_URL && !c.STAGE_TICKET_SECRET) {
      // A shared database means several instances may serve one meeting stage: a per-process key
      // would make a ticket issued by one instance fail on the next (issue 18 §2).
      ctx.addIssue({ code: "custom", path: ["STAGE_TICKET_SECRET"], message: "is required in production with DATABASE_URL (every instance must sign stage tickets with the same key)" });
    }
    if (c.NODE_ENV === "production" && c.CALLBOOK_NOW) {
      ctx.addIssue({ code: "custom", path: ["CALLBOOK_NOW"], message: "is for demos and tests only; unset it in production" });
    }
    if (c.BOT_APP_ID) {
      for (const key of ["BOT_APP_PASSWORD", "TAB_DOMAIN", "TEAMS_APP_ID"] as const) {
        if (!c[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when BOT_APP_ID is set" });
      }
      if (!c.BOT_TENANT_ID && !c.AAD_APP_TENANT_ID) ctx.addIssue({ code: "custom", path: ["BOT_TENANT_ID"], message: "is required when BOT_APP_ID is set (or AAD_APP_TENANT_ID)" });
    }
    if (c.GRAPH_MODE === "graph") {
      for (const key of ["AAD_APP_CLIENT_ID", "AAD_APP_CLIENT_SECRET", "TAB_DOMAIN"] as const) {
        if (!c[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when GRAPH_MODE=graph" });
      }
    }
  });

export type Config = Omit<z.output<typeof schema>, "DEV_SIGN_IN"> & { DEV_SIGN_IN: boolean };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment (process.env by default). Throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
  }
  const c = parsed.data;
  // Dev sign-in is the embedded default's way in; anywhere else (production, Graph, a shared
  // PostgreSQL through DATABASE_URL) it must be asked for with DEV_SIGN_IN=true.
  const devSignIn = c.DEV_SIGN_IN ?? (c.NODE_ENV !== "production" && c.GRAPH_MODE === "outbox" && !c.DATABASE_URL);
  return { ...c, DEV_SIGN_IN: devSignIn };
}
