import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import { UpstreamTimedOut } from "../services/upstream/upstreamTimedOut";

/**
 * msal-node's HTTP seam with a client-side timeout on every request (msal's own client has none on
 * POST, so a hung token endpoint hung the recap for minutes; issue 13 §5). Without `inner`, requests
 * go through fetch and are aborted at the timeout; with `inner` (a test's fake Entra), the wait is
 * bounded the same way. Throws UpstreamTimedOut("Microsoft Entra", …) when the time runs out.
 */
export function timedNetworkClient(timeoutMs: number, inner?: INetworkModule): INetworkModule {
  const send = async <T>(method: "GET" | "POST", url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const operation = `${method} ${new URL(url).pathname}`;
    if (inner) {
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new UpstreamTimedOut("Microsoft Entra", operation, timeoutMs)), timeoutMs);
      });
      try {
        const call = method === "GET" ? inner.sendGetRequestAsync<T>(url, options) : inner.sendPostRequestAsync<T>(url, options);
        return await Promise.race([call, expired]);
      } finally {
        clearTimeout(timer);
      }
    }
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const res = await fetch(url, {
        method,
        headers: options?.headers ?? {},
        ...(method === "POST" && options?.body !== undefined ? { body: options.body } : {}),
        signal,
      });
      const text = await res.text();
      let body: unknown = {};
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        body = { error: "invalid_json" };
      }
      return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: body as T };
    } catch (error) {
      if (signal.aborted) throw new UpstreamTimedOut("Microsoft Entra", operation, timeoutMs);
      throw error;
    }
  };
  return {
    sendGetRequestAsync: (url, options) => send("GET", url, options),
    sendPostRequestAsync: (url, options) => send("POST", url, options),
  };
}
