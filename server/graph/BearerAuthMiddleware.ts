import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

/**
 * Graph SDK middleware that attaches `Authorization: Bearer <token>` to every request, whatever
 * the host. The SDK's own AuthenticationHandler only does so for https Graph hosts and silently
 * drops the token for a local http:// test server.
 *
 * The SDK wraps anything thrown in the chain into a GraphError and loses its class, so a token
 * failure (e.g. ConsentRequired) is kept in `tokenFailure` for the caller to rethrow as is.
 */
export class BearerAuthMiddleware implements Middleware {
  private next: Middleware | undefined;
  tokenFailure: unknown = undefined;

  constructor(private readonly getToken: () => Promise<string>) {}

  async execute(context: Context): Promise<void> {
    let token: string;
    try {
      token = await this.getToken();
    } catch (error) {
      this.tokenFailure = error;
      throw error;
    }
    setHeader(context, "Authorization", `Bearer ${token}`);
    if (!this.next) throw new Error("BearerAuthMiddleware must not be the last middleware");
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

function setHeader(context: Context, name: string, value: string): void {
  if (typeof context.request !== "string") {
    context.request.headers.set(name, value);
    return;
  }
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else if (Array.isArray(headers)) options.headers = [...headers.filter(([key]) => key.toLowerCase() !== name.toLowerCase()), [name, value]];
  else options.headers = { ...headers, [name]: value };
}
