import { lazy, Suspense, useEffect, useState } from "react";
import { useLayoutStyles } from "./ui/layoutStyles";
import { Route, Switch } from "wouter";
import { browserContext, finishConsentPopup, onThemeChange, type HostContext, type ThemeName } from "./host/host";
import { fluentTheme } from "./ui/theme";
import { FluentRoot } from "./ui/FluentRoot";
import { api, credential } from "./api/client";
import { isAuthEnd, startApp } from "./startup";
import { BrowserNav } from "./ui/BrowserNav";
import { DevSignIn } from "./features/signin/DevSignIn";
import { MeetingPanel } from "./features/panel/MeetingPanel";
import { TeamsPanel } from "./features/panel/TeamsPanel";
import { Loading } from "./ui/states";

// Pages other than the side panel are chunks of their own, loaded when their route is opened (issue 19:
// the panel's first paint needs only the panel). The workspace splits itself (features/workspace).
const OutboxPage = lazy(() => import("./features/outbox/OutboxPage").then((m) => ({ default: m.OutboxPage })));
const CreateSeries = lazy(() => import("./features/series/CreateSeries").then((m) => ({ default: m.CreateSeries })));
const MeetingList = lazy(() => import("./features/meetings/MeetingList").then((m) => ({ default: m.MeetingList })));
const ConfigPage = lazy(() => import("./features/config/ConfigPage").then((m) => ({ default: m.ConfigPage })));
const ProjectHome = lazy(() => import("./features/workspace").then((m) => ({ default: m.ProjectHome })));
const MyActions = lazy(() => import("./features/actions").then((m) => ({ default: m.MyActions })));
const StageView = lazy(() => import("./features/stage/StageView").then((m) => ({ default: m.StageView })));
const ProjectPage = lazy(() => import("./features/workspace").then((m) => ({ default: m.ProjectPage })));

/** Paths of the pages; ids are uuids (what the server makes, and what the links carry). */
const UUID = "[0-9a-f-]{36}";
/** The meeting id of a stage page (`/stage/:meetingId`), or null. */
const stageMeetingId = (pathname: string) => new RegExp(`^/stage/(${UUID})/?$`).exec(pathname)?.[1] ?? null;

export function App() {
  const layout = useLayoutStyles();
  const [host, setHost] = useState<HostContext | null>(null);
  const [theme, setTheme] = useState<ThemeName>("default");
  const [signedIn, setSignedIn] = useState(() => credential() !== null);

  useEffect(() => {
    if (isAuthEnd(window.location.pathname)) {
      void finishConsentPopup((code, state) => api("/me/unattended", { method: "POST", json: { code, state } }).then(() => undefined)).catch(() => undefined);
      return;
    }
    let live = true;
    // Begun by main.tsx before the first render (src/startup.ts); the same promise here.
    startApp()
      .then((ctx) => {
        if (!live) return;
        if (ctx.mode === "teams" && credential() === null) setSignedIn(true);
        setHost(ctx);
        setTheme(ctx.theme);
        onThemeChange(setTheme);
      })
      .catch(() => live && setHost(browserContext));
    return () => {
      live = false;
    };
  }, []);

  return (
    <FluentRoot theme={fluentTheme(theme)} themeName={theme}>
      {!host ? (
        <Loading label="Starting Callbook…" />
      ) : stageMeetingId(window.location.pathname) ? (
        // The meeting stage needs no sign-in: guests and anonymous users watch it with the stage ticket.
        <Suspense fallback={<Loading label="Loading…" />}>
          <StageView meetingId={stageMeetingId(window.location.pathname) ?? ""} />
        </Suspense>
      ) : !signedIn ? (
        <DevSignIn onSignedIn={() => setSignedIn(true)} />
      ) : (
        <Suspense fallback={<Loading label="Loading…" />}>
        <Switch>
          <Route path={new RegExp(`^/meetings/(?<meetingId>${UUID})/?$`)}>
            {(params: { meetingId?: string }) => (
              <>
                {host.mode === "browser" ? <BrowserNav onSignOut={() => setSignedIn(false)} /> : null}
                <MeetingPanel meetingId={params.meetingId ?? ""} host={host} />
              </>
            )}
          </Route>
          <Route path={/^\/panel\/?$/}>
            <TeamsPanel host={host} />
          </Route>
          <Route path={/^\/config\/?$/}>
            <ConfigPage host={host} />
          </Route>
          <Route>
            {host.mode === "browser" ? <BrowserNav onSignOut={() => setSignedIn(false)} /> : null}
            <Switch>
              <Route path={/^\/outbox\/?$/}>
                <OutboxPage />
              </Route>
              <Route path={/^\/actions\/?$/}>
                <MyActions />
              </Route>
              <Route path={new RegExp(`^/projects/(?<projectId>${UUID})/?$`)}>
                {(params: { projectId?: string }) => <ProjectPage projectId={params.projectId ?? ""} />}
              </Route>
              <Route path={new RegExp(`^/projects/(?<projectId>${UUID})/series/?$`)}>
                {(params: { projectId?: string }) => (
                  <main className={layout.page}>
                    <CreateSeries projectId={params.projectId ?? ""} />
                  </main>
                )}
              </Route>
              <Route>
                <ProjectHome />
                <MeetingList />
              </Route>
            </Switch>
          </Route>
        </Switch>
        </Suspense>
      )}
    </FluentRoot>
  );
}
