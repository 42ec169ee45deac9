/* global window, document, URL */
// The Teams side of TeamsJS's postMessage protocol, as the real @microsoft/teams-js 2.58 bundle
// expects it (read from its dist/esm: internal/communication.js, appHelpers.js, app/app.js,
// pages/config.js, pagesHelpers.js, handlers.js). Requests from the app are
//   { id: number, uuidAsString: string, func: string, args: unknown[], apiVersionTag, timestamp, ... }
// and a response is { id, uuidAsString, args } (the SDK matches uuidAsString, else id).
// Host-initiated events carry no id: { func: "themeChange", args: ["dark"] }.
(() => {
  const cfg = JSON.parse(document.getElementById("host-config").textContent);
  const appOrigin = new URL(cfg.appUrl).origin;
  const frame = () => document.getElementById("app");
  const state = {
    received: [],
    unanswered: [],
    registered: [],
    theme: cfg.theme,
    validity: null,
    settings: null,
    initialized: false,
    /** URLs the app shared to the meeting stage (meeting.shareAppContentToStage), in order. */
    sharedToStage: [],
  };
  // Share to stage: cfg.stageSharing = { permission: boolean, errorCode: number | null } (defaults: allowed, no error).
  const stageSharing = Object.assign({ permission: true, errorCode: null }, cfg.stageSharing || {});
  let pendingSave = null;

  const toApp = (msg) => frame().contentWindow.postMessage(msg, appOrigin);
  const reply = (req, args) => toApp({ id: req.id, uuidAsString: req.uuidAsString, args });

  // apiVersion 4 is teams-js 2.58's latestRuntimeApiVersion; pages.config must be listed for the settings frame.
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: {
      app: {},
      appEntity: {},
      meeting: {},
      pages: { appButton: {}, backStack: {}, config: {}, fullTrust: {}, tabs: {} },
      teamsCore: {},
    },
  };

  // A smaller host: the capabilities the test leaves out are not in its runtime, so isSupported() is false.
  for (const path of cfg.unsupported || []) {
    const parts = path.split(".");
    const last = parts.pop();
    const parent = parts.reduce((o, k) => (o ? o[k] : undefined), runtime.supports);
    if (parent) delete parent[last];
  }

  // getContext answers with the legacy (v1) context shape; app.getContext maps it to page/user/chat/meeting.
  const legacyContext = () => ({
    locale: "en-us",
    theme: state.theme,
    frameContext: cfg.frameContext,
    entityId: "callbook",
    chatId: cfg.chatId,
    meetingId: cfg.meetingId,
    userObjectId: cfg.userId,
    userPrincipalName: cfg.upn,
    tid: cfg.tenantId,
    hostClientType: "web",
    hostName: "Teams",
    appSessionId: "test-app-session",
    sessionId: "test-session",
  });

  const handlers = {
    // args: [sdkVersion, latestRuntimeApiVersion, additionalValidOrigins] → [frameContext, clientType, runtimeConfig (JSON), clientSupportedSDKVersion]
    initialize: (req) => reply(req, [cfg.frameContext, "web", JSON.stringify(runtime), "2.58.0"]),
    getContext: (req) => reply(req, [legacyContext()]),
    "appInitialization.success": () => {
      state.initialized = true;
    },
    "appInitialization.appLoaded": () => undefined,
    registerHandler: (req) => state.registered.push(String(req.args[0])),
    // args: [resources, claims, silent, tenantId] → [success, tokenOrReason]
    "authentication.getAuthToken": (req) => reply(req, cfg.authToken ? [true, cfg.authToken] : [false, "The test host signs no tokens"]),
    "settings.setValidityState": (req) => {
      state.validity = req.args[0] === true;
    },
    // pages.config.setConfig → [status, reason]
    "settings.setSettings": (req) => {
      state.settings = req.args[0];
      reply(req, [true]);
    },
    "settings.getSettings": (req) => reply(req, [state.settings ?? {}]),
    "settings.save.success": () => finishSave({ ok: true, settings: state.settings }),
    "settings.save.failure": (req) => finishSave({ ok: false, reason: String(req.args[0]) }),
    // meeting.getAppContentStageSharingCapabilities → callback(error: SdkError | null, result)
    "meeting.getAppContentStageSharingCapabilities": (req) => reply(req, [null, { doesAppHaveSharePermission: stageSharing.permission }]),
    // meeting.shareAppContentToStage, args: [appContentUrl, { sharingProtocol }] → callback(error: SdkError | null, result: boolean)
    "meeting.shareAppContentToStage": (req) => {
      if (stageSharing.errorCode !== null) return reply(req, [{ errorCode: stageSharing.errorCode, message: "refused by the test host" }, null]);
      state.sharedToStage.push(String(req.args[0]));
      reply(req, [null, true]);
    },
  };

  function finishSave(result) {
    if (pendingSave) pendingSave(result);
    pendingSave = null;
  }

  window.addEventListener("message", (event) => {
    const app = frame();
    if (!app || event.source !== app.contentWindow || event.origin !== appOrigin) return;
    const req = event.data;
    if (!req || typeof req.func !== "string") return;
    state.received.push(req.func);
    const handle = handlers[req.func];
    if (handle) handle(req);
    else state.unanswered.push(req.func);
  });

  window.__host = {
    state,
    /** The user switched Teams' theme: "default", "dark" or "contrast". */
    setTheme(theme) {
      state.theme = theme;
      toApp({ func: "themeChange", args: [theme] });
    },
    /** The user pressed Save on the configuration dialog; resolves when the app notifies success or failure. */
    save(timeoutMs = 10000) {
      return new Promise((resolve) => {
        pendingSave = resolve;
        window.setTimeout(() => finishSave({ ok: false, reason: "the app did not answer the save" }), timeoutMs);
        toApp({ func: "settings.save", args: [{}] });
      });
    },
  };
})();
