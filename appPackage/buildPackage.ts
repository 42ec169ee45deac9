import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { ManifestV130 } from "./checkManifest";
import { loadEnv } from "./env";
import { fillManifest, MissingVariablesError } from "./fillManifest";
import { formatReport, validateManifest } from "./validateManifest";
import { writeZip, type ZipEntry } from "./writeZip";

/** The repository root (this file lives in <root>/appPackage/). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface BuildOptions {
  env: string;
  root?: string;
  /** Where .env.<env> files live; defaults to <root>/env. */
  envDir?: string;
  /** Output folder; defaults to <root>/appPackage/build. */
  outDir?: string;
}

export interface BuildResult {
  manifestPath: string;
  zipPath: string;
  entries: string[];
  envFiles: string[];
}

export class InvalidManifestError extends Error {
  constructor(readonly problems: string[]) {
    super(`the filled manifest is invalid (${problems.length} problem${problems.length > 1 ? "s" : ""}): ${problems.join("; ")}`);
    this.name = "InvalidManifestError";
  }
}

/** Fills appPackage/manifest.json from the environment, validates it, and writes the manifest and zip. */
export async function buildPackage(opts: BuildOptions): Promise<BuildResult> {
  const root = opts.root ?? REPO_ROOT;
  const appPackageDir = join(root, "appPackage");
  const outDir = opts.outDir ?? join(appPackageDir, "build");
  const { vars, files } = loadEnv(opts.env, opts.envDir ?? join(root, "env"));

  let filled: string;
  try {
    filled = fillManifest(readFileSync(join(appPackageDir, "manifest.json"), "utf8"), vars);
  } catch (error) {
    if (!(error instanceof MissingVariablesError)) throw error;
    const where = `env/.env.${opts.env} or env/.env.${opts.env}.user`;
    throw new MissingVariablesError(error.missing, `${error.message} (set them in ${where})`);
  }
  const manifest = JSON.parse(filled) as ManifestV130;
  const problems = formatReport(await validateManifest(manifest, { appPackageDir, publicDir: join(root, "public") }));
  if (problems.length > 0) throw new InvalidManifestError(problems);

  // Only relative icon paths are package files; ribbon icons are URLs served by the web app.
  const iconFiles = [manifest.icons.color, manifest.icons.outline, manifest.icons.color32x32].filter(
    (f): f is string => typeof f === "string",
  );
  const entries: ZipEntry[] = [
    { name: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8") },
    ...iconFiles.map((name) => ({ name, data: readFileSync(join(appPackageDir, name)) })),
  ];

  mkdirSync(outDir, { recursive: true });
  const manifestPath = join(outDir, `manifest.${opts.env}.json`);
  const zipPath = join(outDir, `appPackage.${opts.env}.zip`);
  writeFileSync(manifestPath, entries[0]?.data ?? "");
  writeFileSync(zipPath, writeZip(entries));
  return {
    manifestPath,
    zipPath,
    entries: entries.map((e) => e.name),
    envFiles: files.map((f) => relative(root, f)),
  };
}
