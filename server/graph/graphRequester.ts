import {
  Client,
  GraphError,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type ShouldRetry,
} from "@microsoft/microsoft-graph-client";
import type { GraphTokenProvider } from "../auth/oboTokenProvider";
import type { RequestIdentity } from "../auth/verifyTeamsToken";
import { GraphRequestFailed } from "./MailCalendarGateway";
import { BearerAuthMiddleware } from "./BearerAuthMiddleware";
import { DEFAULT_UPSTREAM_TIMEOUT_MS, UpstreamTimedOut } from "../services/upstream/upstreamTimedOut";

/**
 * How a request may be repeated:
 * - "safe": the request can run twice without harm (GET, getSchedule, POST /me/events with a
 *   transactionId, creating a draft, a PATCH that sets the same values again). The SDK retries 429/503/504; a dropped connection is replayed.
 * - "throttleOnly": running it twice would be visible (POST /me/messages/{id}/send). Only 429 is
 *   retried — a throttled request was refused, not executed. Anything else is the caller's to verify.
 */
export type RetryPolicy = "safe" | "throttleOnly";

export interface GraphCall {
  /** Name for errors and logs, e.g. "sendMessage". */
  operation: string;
  method: "GET" | "POST" | "PATCH";
  /** Path below the version, ids already URI-encoded, query values already encoded. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  policy: RetryPolicy;
}

export interface GraphRequester {
  /** The parsed JSON answer (undefined for 202/204). Throws GraphRequestFailed, or the token provider's error as is. */
  call(identity: RequestIdentity, call: GraphCall): Promise<unknown>;
}

export interface GraphRequesterOptions {
  /** "https://graph.microsoft.com/v1.0", or a local fake's "http://127.0.0.1:PORT/v1.0". */
  baseUrl: string;
  tokens: GraphTokenProvider;
  /** SDK RetryHandler: retries and the delay used when no Retry-After came (seconds). Defaults 3 and 3. */
  maxRetries?: number;
  retryDelaySeconds?: number;
  /** Replays of a "safe" request after a dropped connection, and the pause before each (× replay number). Defaults 2 and 500 ms. */
  connectionReplays?: number;
  replayDelayMs?: number;
  /** Client-side timeout of one call (its retries included), ms. Default 20 s. A hung connection
   * is abandoned and UpstreamTimedOut thrown; it is never replayed (issue 13 §5). */
  timeoutMs?: number;
}

const retryableStatuses = new Set([429, 503, 504]);

export const shouldRetrySafe: ShouldRetry = (_delay, _attempt, _request, _options, response) =>
  retryableStatuses.has(response.status);

export const shouldRetryThrottleOnly: ShouldRetry = (_delay, _attempt, _request, _options, response) =>
  response.status === 429;

/** Client-level default: a POST not known to be safe is only retried when throttled. */
const shouldRetryByMethod: ShouldRetry = (delay, attempt, request, options, response) => {
  const method = (typeof request === "string" ? options?.method : request.method) ?? "GET";
  return method.toUpperCase() === "POST"
    ? shouldRetryThrottleOnly(delay, attempt, request, options, response)
    : shouldRetrySafe(delay, attempt, request, options, response);
};

export function createGraphRequester(options: GraphRequesterOptions): GraphRequester {
  const { host, version } = splitBaseUrl(options.baseUrl);
  const delay = options.retryDelaySeconds ?? 3;
  const maxRetries = options.maxRetries ?? 3;
  const replays = options.connectionReplays ?? 2;
  const replayDelayMs = options.replayDelayMs ?? 500;
  const timeoutMs = options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;

  async function once(identity: RequestIdentity, call: GraphCall): Promise<unknown> {
    const auth = new BearerAuthMiddleware(() => options.tokens.getGraphToken(identity));
    const signal = AbortSignal.timeout(timeoutMs);
    const client = Client.initWithMiddleware({
      baseUrl: host,
      defaultVersion: version,
      fetchOptions: { signal },
      middleware: [
        auth,
        new RetryHandler(new RetryHandlerOptions(delay, maxRetries, shouldRetryByMethod)),
        new TelemetryHandler(),
        new HTTPMessageHandler(),
      ],
    });
    const policy = call.policy === "safe" ? shouldRetrySafe : shouldRetryThrottleOnly;
    const request = client
      .api(call.path)
      .headers(call.headers ?? {})
      .middlewareOptions([new RetryHandlerOptions(delay, maxRetries, policy)]);
    try {
      const result: unknown =
        call.method === "GET" ? await request.get() : call.method === "PATCH" ? await request.patch(call.body) : await request.post(call.body);
      return result;
    } catch (error) {
      if (auth.tokenFailure !== undefined) throw auth.tokenFailure;
      if (signal.aborted) throw new UpstreamTimedOut("Microsoft Graph", call.operation, timeoutMs);
      throw toRequestFailed(call.operation, error);
    }
  }

  return {
    async call(identity, call) {
      for (let replay = 0; ; replay++) {
        try {
          return await once(identity, call);
        } catch (error) {
          const dropped = error instanceof GraphRequestFailed && error.status === -1;
          if (!dropped || call.policy !== "safe" || replay >= replays) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, replayDelayMs * (replay + 1)));
      }
    },
  };
}

function toRequestFailed(operation: string, error: unknown): GraphRequestFailed {
  if (error instanceof GraphError) {
    const retryAfter = Number(error.headers?.get("retry-after") ?? Number.NaN);
    return new GraphRequestFailed(
      operation,
      error.statusCode,
      error.statusCode === -1 ? null : error.code,
      error.requestId,
      Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
    );
  }
  return new GraphRequestFailed(operation, -1, null, null);
}

function splitBaseUrl(baseUrl: string): { host: string; version: string } {
  const url = new URL(baseUrl);
  const segments = url.pathname.split("/").filter(Boolean);
  const version = segments.pop() ?? "v1.0";
  return { host: `${url.origin}${segments.length ? "/" + segments.join("/") : ""}`, version };
}
