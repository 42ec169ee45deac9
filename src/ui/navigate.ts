import { navigate as browserNavigate } from "wouter/use-browser-location";

/**
 * Moves the single-page app to `path` (e.g. "/meetings/<uuid>") with history.pushState; the
 * wouter `<Switch>` in App.tsx renders the page for it. Lives here, not in App.tsx, so that
 * features do not import the module that imports them.
 */
export function navigate(path: string): void {
  browserNavigate(path);
}
