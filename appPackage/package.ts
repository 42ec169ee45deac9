// npm run package [-- --env local|dev] [--out <dir>]
// Fills appPackage/manifest.json from env/.env.<env> (+ env/.env.<env>.user), validates it,
// and writes appPackage/build/manifest.<env>.json and appPackage/build/appPackage.<env>.zip.
import { relative } from "node:path";
import { buildPackage, REPO_ROOT } from "./buildPackage";

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

const args = process.argv.slice(2);
const env = argValue(args, "--env") ?? "local";
const outDir = argValue(args, "--out");

try {
  const result = await buildPackage({ env, ...(outDir ? { outDir } : {}) });
  console.log(`package (${env}) from ${result.envFiles.join(" + ")}`);
  console.log(`  wrote ${relative(REPO_ROOT, result.manifestPath)}`);
  console.log(`  wrote ${relative(REPO_ROOT, result.zipPath)} (${result.entries.join(", ")})`);
} catch (error) {
  console.error(`package failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
