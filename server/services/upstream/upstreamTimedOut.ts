/**
 * A Microsoft service (Graph or Entra) did not answer within the client-side timeout. The request
 * was abandoned (its socket closed); whether the service acted on it is unknown. Answered as 504
 * with a message the panel shows. Carries no request body, token or mailbox content.
 */
export class UpstreamTimedOut extends Error {
  override readonly name = "UpstreamTimedOut";
  readonly code = "upstream_timeout";
  constructor(
    readonly service: "Microsoft Graph" | "Microsoft Entra",
    readonly operation: string,
    /** The timeout that expired, in milliseconds. */
    readonly timeoutMs: number,
  ) {
    super(`${service} did not answer ${operation} within ${Math.round(timeoutMs / 1000)} s`);
  }
}

/** Default client-side timeout for one Graph or Entra request, in milliseconds (config GRAPH_TIMEOUT_MS). */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 20_000;
