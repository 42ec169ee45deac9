import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../appPackage/buildPackage";
import type { CheckOptions, ManifestV130 } from "../../appPackage/checkManifest";
import { loadEnv } from "../../appPackage/env";
import { fillManifest } from "../../appPackage/fillManifest";

export const ROOT = REPO_ROOT;
export const CHECK_OPTIONS: CheckOptions = {
  appPackageDir: join(ROOT, "appPackage"),
  publicDir: join(ROOT, "public"),
};

/** appPackage/manifest.json filled from env/.env.<env> (a fresh copy each call, safe to mutate). */
export function filledManifest(env = "local"): ManifestV130 {
  const template = readFileSync(join(ROOT, "appPackage", "manifest.json"), "utf8");
  return JSON.parse(fillManifest(template, loadEnv(env, join(ROOT, "env")).vars)) as ManifestV130;
}

/** A filled manifest after `change` has broken it. */
export function brokenManifest(change: (m: ManifestV130) => void): ManifestV130 {
  const m = filledManifest();
  change(m);
  return m;
}

/** The first Outlook ribbon button (the Callbook button). */
export function ribbonButton(m: ManifestV130) {
  const control = m.extensions?.[0]?.ribbons?.[0]?.tabs[0]?.groups?.[0]?.controls?.[0];
  if (!control) throw new Error("manifest has no ribbon button");
  return control;
}
