// The app's start (issue 19, Teams mode): what App used to do in its first effect, begun by main.tsx
// before React's first render, so that teams-js's initialize, the SSO token and the side panel's
// first requests do not wait for React, Fluent and the first render.
import { getHostAuthToken, initHost, isFramed, type HostContext } from "./host/host";
import { sessionConfigResponse } from "./api/bootstrap";
import { credential, setHostTokenSource } from "./api/client";
import { syncServerClock } from "./api/serverClock";
import { startTeamsPanelRequests } from "./features/panel/teamsStart";

interface SessionConfig {
  devSignIn: boolean;
  teamsHostOrigins: string[];
}

/** The consent pop-up's last page (/auth/end): it starts no host session of its own (App finishes the consent). */
export const isAuthEnd = (pathname: string) => /^\/auth\/end\/?$/.test(pathname);

let started: Promise<HostContext> | null = null;

/**
 * Starts the host session once (later calls return the same promise): in a frame, the host origins
 * from the session config (index.html's bootstrap already asked for it) and teams-js's initialize
 * (host.ts loads the SDK as soon as it runs, index.html preloads it); inside Teams, the host's SSO
 * token becomes the credential (unless a dev credential is stored) and the side panel's meeting,
 * agenda and capture are asked for at once (teamsStart.ts). Resolves with the host context once the
 * server's clock is read too (never rejects: a failed start is browser mode, initHost's rule).
 */
export function startApp(): Promise<HostContext> {
  started ??= (() => {
    // Only a framed page can be in Teams; a top-level page needs no host origins and does not wait for them.
    const hostReady = isFramed()
      ? sessionConfigResponse()
          .then((r) => r.json() as Promise<SessionConfig>)
          .catch(() => ({ devSignIn: false, teamsHostOrigins: [] }))
          .then((cfg) => initHost({ extraOrigins: cfg.teamsHostOrigins }))
      : initHost();
    const host = hostReady.then((ctx) => {
      if (ctx.mode === "teams" && credential() === null) setHostTokenSource(getHostAuthToken);
      startTeamsPanelRequests(ctx);
      return ctx;
    });
    return Promise.all([host, syncServerClock()]).then(([ctx]) => ctx);
  })();
  return started;
}

// Framed, index.html's bootstrap imports this module's chunk ("app-start", vite.config.ts) as soon as
// the page opens: the start begins once it has loaded, while the rest of the bundle is on its way.
if (typeof window !== "undefined" && isFramed() && !isAuthEnd(window.location.pathname)) void startApp();
