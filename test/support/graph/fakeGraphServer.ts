import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { FakeGraphMailbox, graphError, type GraphReply, type GraphRouteName as MailRouteName } from "./fakeGraphMailbox";
import { FakePlanner, plannerRoutes, type PlannerRouteName } from "./fakePlanner";

// A local Microsoft Graph v1.0 for the routes Callbook uses, speaking Graph's wire format
// (ids, @odata.context, 201/202, `{ error: { code, message } }`), refusing bodies that do not fit
// the v1.0 types, recording every request and injecting faults per route.

export type GraphRouteName = MailRouteName | PlannerRouteName;

export type GraphFault =
  /** 429 with Retry-After (seconds; Graph sends whole seconds). Not processed. */
  | { kind: "throttle"; retryAfter?: string }
  /** 503, optionally with Retry-After. Not processed. */
  | { kind: "unavailable"; retryAfter?: string }
  /** Processed (mail sent, event created), then the connection is dropped before any response. */
  | { kind: "dropAfterAccept" }
  /** Connection dropped before the request is processed. */
  | { kind: "dropBeforeAccept" }
  /** Wait, then answer normally. */
  | { kind: "delay"; ms: number }
  /** Accept the connection and never answer; nothing is processed (a hung Graph front end). */
  | { kind: "hang" }
  /** Processed (mail sent), then the connection is held open and never answered. */
  | { kind: "hangAfterAccept" };

export interface RecordedGraphRequest {
  route: GraphRouteName | null;
  method: string;
  /** Decoded path below the version, e.g. "/me/messages/AAMk…=/send". */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** Status answered, or "dropped". */
  outcome: number | "dropped" | "hung";
}

export interface FakeGraphServer {
  /** Pass as the gateway's baseUrl: "http://127.0.0.1:PORT/v1.0". */
  baseUrl: string;
  mailbox: FakeGraphMailbox;
  /** Microsoft Planner: plans, tasks with ETags, details, users (fakePlanner.ts). */
  planner: FakePlanner;
  requests: RecordedGraphRequest[];
  requestsTo(route: GraphRouteName): RecordedGraphRequest[];
  /** The next `times` requests to `route` get `fault`. */
  injectFault(route: GraphRouteName, fault: GraphFault, times?: number): void;
  /** Only these bearer tokens are accepted (default: any non-empty token). */
  acceptTokens(check: (token: string) => boolean): void;
  close(): Promise<void>;
}

const routes: { method: string; pattern: RegExp; name: GraphRouteName }[] = [
  { method: "POST", pattern: /^\/me\/messages$/, name: "createMessage" },
  { method: "GET", pattern: /^\/me\/messages\/([^/]+)$/, name: "getMessage" },
  { method: "POST", pattern: /^\/me\/messages\/([^/]+)\/send$/, name: "sendMessage" },
  { method: "POST", pattern: /^\/me\/events$/, name: "createEvent" },
  { method: "GET", pattern: /^\/me\/events\/([^/]+)\/instances$/, name: "listInstances" },
  { method: "PATCH", pattern: /^\/me\/events\/([^/]+)$/, name: "updateEvent" },
  { method: "POST", pattern: /^\/me\/calendar\/getSchedule$/, name: "getSchedule" },
  { method: "GET", pattern: /^\/me\/mailboxSettings$/, name: "getMailboxSettings" },
  { method: "GET", pattern: /^\/chats\/([^/]+)$/, name: "getChat" },
  { method: "GET", pattern: /^\/me\/onlineMeetings$/, name: "listOnlineMeetings" },
  // Graph's nextLinks name the user (/users/{id}/…) where the request said /me.
  { method: "GET", pattern: /^\/(?:me|users\/[^/]+)\/onlineMeetings\/([^/]+)\/attendanceReports$/, name: "listAttendanceReports" },
  { method: "GET", pattern: /^\/me\/onlineMeetings\/([^/]+)\/attendanceReports\/([^/]+)$/, name: "getAttendanceReport" },
  { method: "GET", pattern: /^\/(?:me|users\/[^/]+)\/onlineMeetings\/([^/]+)\/attendanceReports\/([^/]+)\/attendanceRecords$/, name: "listAttendanceRecords" },
  { method: "GET", pattern: /^\/me\/onlineMeetings\/([^/]+)\/recordings$/, name: "listRecordings" },
  { method: "GET", pattern: /^\/me\/onlineMeetings\/([^/]+)\/transcripts$/, name: "listTranscripts" },
  ...plannerRoutes,
];
const plannerRouteNames = new Set<GraphRouteName>(plannerRoutes.map((r) => r.name));

export async function startFakeGraphServer(): Promise<FakeGraphServer> {
  const requests: RecordedGraphRequest[] = [];
  const faults = new Map<GraphRouteName, GraphFault[]>();
  let tokenCheck: (token: string) => boolean = (token) => token.length > 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(JSON.stringify(graphError("InternalServerError", String(error))));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  const mailbox = new FakeGraphMailbox(baseUrl);
  const planner = new FakePlanner(baseUrl);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const raw = await readBody(req);
    const method = req.method ?? "GET";
    const versionless = url.pathname.replace(/^\/v1\.0/, "");
    const path = versionless.split("/").map(decodeURIComponent).join("/");
    const match = routes.map((r) => ({ r, m: r.pattern.exec(versionless) })).find((x) => x.m && x.r.method === method);
    const record: RecordedGraphRequest = {
      route: match?.r.name ?? null,
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: undefined,
      outcome: 0,
    };
    requests.push(record);
    const reply = (outcome: GraphReply, extraHeaders: Record<string, string> = {}) => {
      record.outcome = outcome.status;
      const headers: Record<string, string> = { "request-id": randomUUID(), ...extraHeaders };
      if (outcome.body !== undefined) headers["content-type"] = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
      res.writeHead(outcome.status, headers).end(outcome.body === undefined ? undefined : JSON.stringify(outcome.body));
    };
    const drop = () => {
      record.outcome = "dropped";
      req.socket.destroy();
    };

    if (raw.length > 0) {
      try {
        record.body = JSON.parse(raw) as unknown;
      } catch {
        return reply({ status: 400, body: graphError("BadRequest", "Unable to read JSON request payload.") });
      }
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    if (!tokenCheck(token)) {
      return reply({ status: 401, body: graphError("InvalidAuthenticationToken", token ? "Invalid token." : "Access token is empty.") });
    }
    if (!match) {
      return reply({ status: 400, body: graphError("BadRequest", `Resource not found for the segment '${path}'.`) });
    }

    const fault = faults.get(match.r.name)?.shift();
    if (fault?.kind === "throttle") {
      return reply(
        { status: 429, body: graphError("TooManyRequests", "Too many requests. Retry after some time.") },
        fault.retryAfter === undefined ? {} : { "Retry-After": fault.retryAfter },
      );
    }
    if (fault?.kind === "unavailable") {
      return reply(
        { status: 503, body: graphError("ServiceNotAvailable", "Service unavailable.") },
        fault.retryAfter === undefined ? {} : { "Retry-After": fault.retryAfter },
      );
    }
    if (fault?.kind === "dropBeforeAccept") return drop();
    if (fault?.kind === "hang") {
      record.outcome = "hung";
      return;
    }
    if (fault?.kind === "delay") await new Promise((resolve) => setTimeout(resolve, fault.ms));

    const params = (match.m?.slice(1) ?? []).map((p) => decodeURIComponent(p));
    const route = match.r.name;
    const outcome = plannerRouteNames.has(route)
      ? planner.handle(route as PlannerRouteName, params, req.headers, record.body, url.searchParams)
      : mailbox.handle({ route: route as MailRouteName, params, query: url.searchParams, headers: req.headers, body: record.body });
    if (fault?.kind === "dropAfterAccept") return drop();
    if (fault?.kind === "hangAfterAccept") {
      record.outcome = "hung";
      return;
    }
    reply(outcome);
  }

  return {
    baseUrl,
    mailbox,
    planner,
    requests,
    requestsTo: (route) => requests.filter((r) => r.route === route),
    injectFault(route, fault, times = 1) {
      const queue = faults.get(route) ?? [];
      for (let i = 0; i < times; i++) queue.push(fault);
      faults.set(route, queue);
    },
    acceptTokens(check) {
      tokenCheck = check;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
