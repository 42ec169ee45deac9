import helmet from "helmet";
import type { RequestHandler } from "express";

/**
 * Hosts allowed to frame Callbook's pages (CSP frame-ancestors). Source: Microsoft Learn,
 * "Prerequisites for a tab" (learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements):
 * all hosts *.cloud.microsoft; Teams teams.microsoft.com, *.teams.microsoft.com; Microsoft 365
 * *.microsoft365.com, *.office.com; Outlook outlook.office.com, outlook.office365.com (the SDF
 * rings are covered by *.office.com / *.office365.com). The US government clouds are the hosts
 * teams-js itself accepts (@microsoft/teams-js validDomains.json): GCC High gov.teams.microsoft.us
 * and outlook.office365.us, DoD dod.teams.microsoft.us and outlook-dod.office365.us. GCC uses the
 * commercial hosts.
 */
export const MICROSOFT_HOST_FRAME_ANCESTORS: readonly string[] = [
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.cloud.microsoft",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.microsoft365.com",
  "https://gov.teams.microsoft.us",
  "https://dod.teams.microsoft.us",
  "https://outlook.office365.us",
  "https://outlook-dod.office365.us",
];

/**
 * The origin teams-js fetches its list of valid host origins from on initialisation
 * (`validOriginsCdnEndpoint` in @microsoft/teams-js internal/constants:
 * https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json), so connect-src must
 * admit it or every page logs a CSP violation. Only this exact origin: teams-js falls back to its
 * bundled list when the fetch fails (e.g. offline), which is then a network error, not a CSP one.
 */
export const TEAMS_JS_VALID_DOMAINS_ORIGIN = "https://res.cdn.office.net";

export interface SecurityHeaderOptions {
  /** NODE_ENV=production: adds HSTS and upgrade-insecure-requests, and never admits test host origins. */
  production: boolean;
  /** Test host pages allowed to frame the app (TEAMS_TEST_HOST_ORIGINS); ignored in production. */
  testHostOrigins?: readonly string[];
  /** CSP hashes ('sha256-…') of the pages' inline scripts (the data bootstrap in index.html), from the build. */
  inlineScriptHashes?: readonly string[];
  /** Entra authority (e.g. https://login.microsoftonline.com), for MSAL's requests and frames. */
  authorityHost?: string;
}

/**
 * Content-Security-Policy, X-Content-Type-Options, Referrer-Policy and (production) HSTS on every
 * answer, through helmet. Styles allow 'unsafe-inline' because Fluent UI (Griffel) inserts <style>
 * elements at run time; scripts do not: the one inline script (index.html's data bootstrap) is allowed
 * by its sha256 hash, computed at build. Office.js comes from Microsoft's CDN, the only supported
 * source; teams-js reads its valid-origins list from res.cdn.office.net. X-Frame-Options is left out: it cannot list several
 * hosts, and frame-ancestors supersedes it. Cross-origin opener/resource policies are left out: the
 * consent pop-up must keep its opener (Teams), and Outlook shows our icons from another origin.
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const authority = options.authorityHost ? new URL(options.authorityHost).origin : "https://login.microsoftonline.com";
  const testHosts = options.production ? [] : [...(options.testHostOrigins ?? [])];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        "script-src": ["'self'", ...(options.inlineScriptHashes ?? []), "https://appsforoffice.microsoft.com"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", authority, "https://appsforoffice.microsoft.com", TEAMS_JS_VALID_DOMAINS_ORIGIN],
        "frame-src": ["'self'", authority],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'", ...MICROSOFT_HOST_FRAME_ANCESTORS, ...testHosts],
        ...(options.production ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    strictTransportSecurity: options.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    referrerPolicy: { policy: "no-referrer" },
  });
}

/** `Cache-Control: no-store` for API answers: they carry personal data and must not be kept by browsers or proxies. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
};
