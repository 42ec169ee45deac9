import "./zodJitless"; // before any schema parses: no eval under our CSP
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { isAuthEnd, startApp } from "./startup";

// The host session (teams-js initialize, SSO token, the Teams side panel's first requests) starts
// before React's first render; App takes the same promise (issue 19).
if (!isAuthEnd(window.location.pathname)) void startApp();
const root = document.getElementById("root");
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
