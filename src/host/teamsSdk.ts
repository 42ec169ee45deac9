import { ErrorCode, app, authentication, meeting, pages } from "@microsoft/teams-js";

/**
 * The teams-js functions Callbook calls, gathered in one object that src/host/host.ts imports on
 * demand (only inside a frame). Named one by one on purpose: a dynamic import keeps every export of
 * the module it loads, so re-exporting teams-js's namespaces (`app`, `meeting`, …) would keep each
 * namespace whole; member by member, the bundler keeps only these and what they call.
 */
export const teamsSdk = {
  ErrorCode,
  app: {
    initialize: app.initialize,
    getContext: app.getContext,
    notifySuccess: app.notifySuccess,
    isInitialized: app.isInitialized,
    registerOnThemeChangeHandler: app.registerOnThemeChangeHandler,
  },
  authentication: {
    getAuthToken: authentication.getAuthToken,
    authenticate: authentication.authenticate,
    notifyFailure: authentication.notifyFailure,
    notifySuccess: authentication.notifySuccess,
  },
  meeting: {
    getAppContentStageSharingCapabilities: meeting.getAppContentStageSharingCapabilities,
    shareAppContentToStage: meeting.shareAppContentToStage,
  },
  pages: {
    config: {
      isSupported: pages.config.isSupported,
      registerOnSaveHandler: pages.config.registerOnSaveHandler,
      setConfig: pages.config.setConfig,
      setValidityState: pages.config.setValidityState,
    },
  },
};
