// Checks the schema cannot make. Decisions:
// - Every absolute URL (tabs, developer website/privacy/terms, Outlook runtime page, ribbon icons)
//   must be https and on a domain listed in validDomains. There is no allow-list of other domains:
//   Callbook serves its own /privacy and /terms, so one rule covers every URL.
// - Package icons (icons.*) are files in appPackage/; ribbon icons must be URLs (the schema says
//   so), and each one must map to a PNG of the declared size under public/icons/ of the web app.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { TeamsManifestV1D30 } from "@microsoft/app-manifest";
import { decodePng, readPngSize } from "./decodePng";
import { KNOWN_RSC_PERMISSIONS } from "./rscPermissions";

/** A Teams app manifest, schema v1.30 (the package exports each version as a namespace). */
export type ManifestV130 = TeamsManifestV1D30.TeamsManifestV1D30;

export const SCHEMA_URL = "https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json";

export interface CheckOptions {
  /** Folder holding the package files (color.png, outline.png). */
  appPackageDir: string;
  /** The web app's public folder; a ribbon icon URL path /icons/x.png maps to <publicDir>/icons/x.png. */
  publicDir: string;
}

type Visit = (value: unknown, path: string, key: string) => void;

function walk(value: unknown, path: string, key: string, visit: Visit): void {
  visit(value, path, key);
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`, key, visit));
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, k, visit);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when `host` (with port, if any) matches a validDomains entry; `*.example.com` covers subdomains. */
export function isOnValidDomain(host: string, validDomains: readonly string[]): boolean {
  const h = host.toLowerCase();
  return validDomains.some((entry) => {
    const d = entry.toLowerCase();
    if (d.startsWith("*.")) return h.endsWith(d.slice(1)) && h.length > d.length - 1;
    return h === d;
  });
}

function checkPackageIcon(file: string | undefined, label: string, size: number, dir: string, errors: string[]): void {
  if (!file) return;
  const path = join(dir, file);
  if (!existsSync(path)) {
    errors.push(`icons.${label}: file "${file}" not found in appPackage/`);
    return;
  }
  const png = readFileSync(path);
  const actual = readPngSize(png);
  if (actual.width !== size || actual.height !== size) {
    errors.push(`icons.${label}: "${file}" is ${actual.width}x${actual.height}, expected ${size}x${size}`);
  }
  if (label === "outline") {
    const { pixels } = decodePng(png);
    for (let i = 0; i < pixels.length; i += 4) {
      const white = pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255;
      if (pixels[i + 3] !== 0 && !white) {
        errors.push(`icons.outline: "${file}" must be white on a transparent background`);
        break;
      }
    }
  }
}

function checkRibbonIcon(icon: Record<string, unknown>, path: string, opts: CheckOptions, errors: string[]): void {
  const { size, url } = icon;
  if (typeof size !== "number" || typeof url !== "string" || !URL.canParse(url)) return;
  const file = join(opts.publicDir, ...new URL(url).pathname.split("/").filter(Boolean));
  if (!existsSync(file)) {
    errors.push(`${path}: ${url} maps to ${file}, which does not exist (ribbon icons are served from public/)`);
    return;
  }
  const actual = readPngSize(readFileSync(file));
  if (actual.width !== size || actual.height !== size) {
    errors.push(`${path}: ${url} is ${actual.width}x${actual.height}, declared size ${size}`);
  }
}

/** Returns one readable line per problem; an empty array means the manifest passed. */
export function checkManifest(manifest: ManifestV130, opts: CheckOptions): string[] {
  const errors: string[] = [];
  const validDomains = manifest.validDomains ?? [];

  if (manifest.$schema !== SCHEMA_URL) {
    errors.push(`$schema must be ${SCHEMA_URL} (the bundled copy is used offline; another URL means a network fetch)`);
  }
  const tabCount = manifest.configurableTabs?.length ?? 0;
  if (tabCount !== 1) errors.push(`configurableTabs: expected exactly one configurable tab, found ${tabCount}`);

  // Runtime actions, and the controls that point at them.
  const actionIds = new Set<string>();
  for (const [e, extension] of (manifest.extensions ?? []).entries()) {
    for (const runtime of extension.runtimes ?? []) {
      for (const action of runtime.actions ?? []) {
        if (actionIds.has(action.id)) errors.push(`extensions[${e}]: action id "${action.id}" is declared twice`);
        actionIds.add(action.id);
      }
    }
  }
  walk(manifest.extensions ?? [], "extensions", "extensions", (value, path, key) => {
    if (key === "actionId" && typeof value === "string" && !actionIds.has(value)) {
      errors.push(`${path}: actionId "${value}" is not an action of any runtime (known: ${[...actionIds].join(", ") || "none"})`);
    }
    if (isObject(value) && "size" in value && "url" in value) checkRibbonIcon(value, path, opts, errors);
  });

  const resource = manifest.webApplicationInfo?.resource;
  if (resource !== undefined) {
    const m = /^api:\/\/([^/]+)\/(.+)$/.exec(resource);
    if (!m || !isOnValidDomain(m[1] ?? "", validDomains) || m[2] !== manifest.webApplicationInfo?.id) {
      errors.push(`webApplicationInfo.resource: "${resource}" must be api://<a validDomains entry>/<webApplicationInfo.id>`);
    }
  }

  walk(manifest, "", "", (value, path, key) => {
    if (typeof value === "string" && value.includes("${{")) errors.push(`${path}: unfilled placeholder in "${value}"`);
    if (key === "scopes" && typeof value === "string" && value.toLowerCase() === "groupchat" && value !== "groupChat") {
      errors.push(`${path}: scope "${value}" must be spelled "groupChat"`);
    }
    if (typeof value !== "string" || path === "$schema" || path === "webApplicationInfo.resource") return;
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return;
    if (!value.toLowerCase().startsWith("https://")) {
      errors.push(`${path}: ${value} must use https`);
      return;
    }
    const host = URL.canParse(value) ? new URL(value).host : "";
    if (!isOnValidDomain(host, validDomains)) {
      errors.push(`${path}: ${value} is not on a domain in validDomains (${validDomains.join(", ") || "empty"})`);
    }
  });

  checkPackageIcon(manifest.icons.color, "color", 192, opts.appPackageDir, errors);
  checkPackageIcon(manifest.icons.outline, "outline", 32, opts.appPackageDir, errors);
  checkPackageIcon(manifest.icons.color32x32, "color32x32", 32, opts.appPackageDir, errors);

  for (const [i, permission] of (manifest.authorization?.permissions?.resourceSpecific ?? []).entries()) {
    const allowed = KNOWN_RSC_PERMISSIONS[permission.name];
    const path = `authorization.permissions.resourceSpecific[${i}]`;
    if (!allowed) errors.push(`${path}: unknown permission "${permission.name}" (check the spelling)`);
    else if (!allowed.includes(permission.type)) {
      errors.push(`${path}: "${permission.name}" is supported as ${allowed.join(" or ")}, not ${permission.type}`);
    }
  }
  return errors;
}
