// What index.html's inline bootstrap started before the bundle ran (issue 19), handed to the code
// that would otherwise ask for it. The CSP allows that script by its sha256 hash (vite.config.ts).

/** What index.html's inline data bootstrap leaves on `window`: plain GETs it started, by API path (no /api). */
interface BootstrapWindow {
  __callbookBoot?: Record<string, Promise<Response> | undefined>;
}

/**
 * The response of a GET that index.html's inline bootstrap started before the bundle ran (the
 * panel's meeting, agenda and capture, from the URL and the stored credential; issue 19), once:
 * later calls for the path fetch afresh.
 */
export function adoptBootstrapped(path: string): Promise<Response> | undefined {
  const boot = (window as Window & BootstrapWindow).__callbookBoot;
  const request = boot?.[path];
  if (boot && request) delete boot[path];
  return request;
}

/**
 * The answer to `GET /api/session/config` (no credential; the host origins and the server's clock
 * header) for a start-up reader. index.html's bootstrap asks for it on every page before the bundle
 * runs; each reader gets its own copy of that one answer (`Response.clone`, the original is never
 * read), so the App's host origins and the clock sync cost no round trip after the bundle. Without
 * a bootstrap (Outlook's page, tests) it fetches. Rejects as `fetch` does when the server is unreachable.
 */
export function sessionConfigResponse(): Promise<Response> {
  const boot = (window as Window & BootstrapWindow).__callbookBoot?.["/session/config"];
  return boot ? boot.then((res) => res.clone()) : fetch("/api/session/config");
}
