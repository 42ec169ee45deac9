import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Text } from "@fluentui/react-components";
import { app, authentication } from "@microsoft/teams-js";
import { fluentTheme } from "../../src/ui/theme";

// The side-panel load baseline: what any Teams side panel on Fluent UI and teams-js pays before it
// shows something. Same provider and theme as Callbook; teams-js initialised and raced with a
// timeout as the app does (src/host/host.ts); then one Text.
// Teams mode (`?host=<host page origin>`, inside the test host page): teams-js initialised with that
// origin as a valid one (as Callbook does with TEAMS_TEST_HOST_ORIGINS), then the SSO token asked
// of the host (authentication.getAuthToken), as any panel signed in by Teams SSO must, then the Text.

const hostOrigin = new URLSearchParams(window.location.search).get("host");

async function initialiseTeams(timeoutMs = 1500): Promise<void> {
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), timeoutMs));
  try {
    const init = app.initialize(hostOrigin ? [hostOrigin] : undefined).then(() => "ok" as const);
    if ((await Promise.race([init, timeout])) === "ok" && hostOrigin) await authentication.getAuthToken();
  } catch {
    // Not inside Teams: the app falls back to browser mode at this point.
  }
}

function BarePanel() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void initialiseTeams().then(() => setReady(true));
  }, []);
  return (
    <FluentProvider theme={fluentTheme("default")} style={{ minHeight: "100vh" }}>
      {ready ? <Text data-bare-ready="">Agenda</Text> : null}
    </FluentProvider>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<StrictMode><BarePanel /></StrictMode>);
