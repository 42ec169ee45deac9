import { useEffect, useState } from "react";
import { FluentProvider } from "@fluentui/react-components";
import { browserContext, finishConsentPopup, getHostAuthToken, initHost, isFramed, onThemeChange, type HostContext, type ThemeName } from "./host/host";
import { fluentTheme } from "./ui/theme";
import { credential, setHostTokenSource } from "./api/client";
import { OutboxPage } from "./features/outbox/OutboxPage";
import { CreateSeries } from "./features/series/CreateSeries";
import { BrowserNav } from "./ui/BrowserNav";
import { ProjectHome, ProjectPage } from "./features/workspace";
import { DevSignIn } from "./features/signin/DevSignIn";
import { MeetingList } from "./features/meetings/MeetingList";
import { MeetingPanel } from "./features/panel/MeetingPanel";
import { TeamsPanel } from "./features/panel/TeamsPanel";
import { ConfigPage } from "./features/config/ConfigPage";
import { Loading } from "./ui/states";

interface SessionConfig {
  devSignIn: boolean;
  teamsHostOrigins: string[];
}

export type Route =
  | { page: "home" }
  | { page: "meeting"; meetingId: string }
  | { page: "panel" }
  | { page: "config" }
  | { page: "outbox" }
  | { page: "authEnd" }
  | { page: "series"; projectId: string }
  | { page: "project"; projectId: string };

export function routeOf(pathname: string): Route {
  if (/^\/panel\/?$/.test(pathname)) return { page: "panel" };
  if (/^\/config\/?$/.test(pathname)) return { page: "config" };
  if (/^\/outbox\/?$/.test(pathname)) return { page: "outbox" };
  if (/^\/auth\/end\/?$/.test(pathname)) return { page: "authEnd" };
  const series = /^\/projects\/([0-9a-f-]{36})\/series\/?$/.exec(pathname);
  if (series?.[1]) return { page: "series", projectId: series[1] };
  const project = /^\/projects\/([0-9a-f-]{36})\/?$/.exec(pathname);
  if (project?.[1]) return { page: "project", projectId: project[1] };
  const m = /^\/meetings\/([0-9a-f-]{36})\/?$/.exec(pathname);
  return m?.[1] ? { page: "meeting", meetingId: m[1] } : { page: "home" };
}

export function navigate(path: string): void {
  window.history.pushState(null, "", path);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

export function App() {
  const [host, setHost] = useState<HostContext | null>(null);
  const [theme, setTheme] = useState<ThemeName>("default");
  const [signedIn, setSignedIn] = useState(() => credential() !== null);
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.pathname));

  useEffect(() => {
    if (route.page === "authEnd") {
      void finishConsentPopup().catch(() => undefined);
      return;
    }
    let live = true;
    // Only a framed page can be in Teams; a top-level page needs no host origins and does not wait for them.
    const hostReady = isFramed()
      ? fetch("/api/session/config")
          .then((r) => r.json() as Promise<SessionConfig>)
          .catch(() => ({ devSignIn: false, teamsHostOrigins: [] }))
          .then((cfg) => initHost({ extraOrigins: cfg.teamsHostOrigins }))
      : initHost();
    hostReady
      .then((ctx) => {
        if (!live) return;
        // Inside Teams the user is already signed in: the host's SSO token is the credential.
        if (ctx.mode === "teams" && credential() === null) {
          setHostTokenSource(getHostAuthToken);
          setSignedIn(true);
        }
        setHost(ctx);
        setTheme(ctx.theme);
        onThemeChange(setTheme);
      })
      .catch(() => live && setHost(browserContext));
    const onPop = () => setRoute(routeOf(window.location.pathname));
    window.addEventListener("popstate", onPop);
    return () => {
      live = false;
      window.removeEventListener("popstate", onPop);
    };
  }, []);

  return (
    <FluentProvider theme={fluentTheme(theme)} style={{ minHeight: "100vh" }} data-theme={theme}>
      {!host ? (
        <Loading label="Starting Callbook…" />
      ) : !signedIn ? (
        <DevSignIn onSignedIn={() => setSignedIn(true)} />
      ) : route.page === "meeting" ? (
        <>
          {host.mode === "browser" ? <BrowserNav onSignOut={() => setSignedIn(false)} /> : null}
          <MeetingPanel meetingId={route.meetingId} host={host} />
        </>
      ) : route.page === "panel" ? (
        <TeamsPanel host={host} />
      ) : route.page === "config" ? (
        <ConfigPage host={host} />
      ) : (
        <>
          {host.mode === "browser" ? <BrowserNav onSignOut={() => setSignedIn(false)} /> : null}
          {route.page === "outbox" ? (
            <OutboxPage />
          ) : route.page === "project" ? (
            <ProjectPage projectId={route.projectId} />
          ) : route.page === "series" ? (
            <main style={{ padding: 16 }}>
              <CreateSeries projectId={route.projectId} />
            </main>
          ) : (
            <>
              <ProjectHome />
              <MeetingList />
            </>
          )}
        </>
      )}
    </FluentProvider>
  );
}
