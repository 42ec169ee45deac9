import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";

/** The file the Vite build writes beside index.html with the CSP hashes of its inline scripts (vite.config.ts). */
export const CSP_HASHES_FILE = "csp-hashes.json";

/**
 * Cache-Control for a file of the built web root: `public, max-age=31536000, immutable` (one year,
 * in seconds) under /assets/ (Vite names those files by content hash), `no-cache` for pages, one
 * hour for the rest (icons keep their names across deploys).
 */
export function staticCacheHeaders(res: ServerResponse, path: string): void {
  const file = path.replaceAll("\\", "/");
  if (file.endsWith(".html")) res.setHeader("Cache-Control", "no-cache");
  else if (file.includes("/assets/")) res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
  else res.setHeader("Cache-Control", "public, max-age=3600");
}

/**
 * Serves the built web root (dist/web). A file's brotli (.br) or gzip (.gz) twin, written at build
 * by vite-plugin-compression2, is sent instead when the request's Accept-Encoding allows it
 * (brotli first), with `Content-Encoding` and `Vary: Accept-Encoding` (express-static-gzip).
 * Directory indexes are off: the app shell route serves index.html.
 */
export function webAssets(webRoot: string): RequestHandler {
  return expressStaticGzip(webRoot, {
    enableBrotli: true,
    orderPreference: ["br", "gzip"],
    index: false,
    serveStatic: { index: false, setHeaders: staticCacheHeaders },
  }) as RequestHandler;
}

/**
 * The CSP source expressions ('sha256-…') of the built pages' inline scripts, read from
 * `csp-hashes.json` in the web root; none when there is no build or no such file.
 */
export function inlineScriptHashes(webRoot: string | undefined): string[] {
  if (!webRoot) return [];
  const file = join(webRoot, CSP_HASHES_FILE);
  if (!existsSync(file)) return [];
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  return Array.isArray(parsed) ? parsed.filter((h): h is string => typeof h === "string" && /^'sha256-[A-Za-z0-9+/=]+'$/.test(h)) : [];
}
