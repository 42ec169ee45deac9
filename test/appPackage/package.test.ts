import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPackage } from "../../appPackage/buildPackage";
import { checkManifest, type ManifestV130 } from "../../appPackage/checkManifest";
import { readZip } from "../../appPackage/readZip";
import { validateAgainstSchema } from "../../appPackage/validateManifest";
import { CHECK_OPTIONS, ROOT } from "./helpers";

function hasUnzip(): boolean {
  return spawnSync("which", ["unzip"]).status === 0;
}

describe("npm run package", () => {
  it("writes a readable zip with the filled, valid manifest and both icons", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "callbook-package-"));
    const result = await buildPackage({ env: "local", outDir });
    expect(result.zipPath).toBe(join(outDir, "appPackage.local.zip"));
    expect(result.manifestPath).toBe(join(outDir, "manifest.local.json"));

    const entries = readZip(readFileSync(result.zipPath));
    expect(entries.map((e) => e.name)).toEqual(["manifest.json", "color.png", "outline.png"]);
    expect(entries[1]?.data.equals(readFileSync(join(ROOT, "appPackage", "color.png")))).toBe(true);
    expect(entries[2]?.data.equals(readFileSync(join(ROOT, "appPackage", "outline.png")))).toBe(true);

    const text = entries[0]?.data.toString("utf8") ?? "";
    expect(text).not.toContain("${{");
    expect(text).toBe(readFileSync(result.manifestPath, "utf8"));
    const manifest = JSON.parse(text) as ManifestV130;
    expect(await validateAgainstSchema(manifest)).toEqual([]);
    expect(checkManifest(manifest, CHECK_OPTIONS)).toEqual([]);
    expect(manifest.id).toBe("ca11b00c-0000-4000-8000-000000000001");
    expect(manifest.name.short).toBe("Callbook-local");

    if (hasUnzip()) {
      const listing = execFileSync("unzip", ["-l", result.zipPath], { encoding: "utf8" });
      for (const name of ["manifest.json", "color.png", "outline.png"]) expect(listing).toContain(name);
      expect(execFileSync("unzip", ["-t", result.zipPath], { encoding: "utf8" })).toContain("No errors detected");
    } else {
      console.log("unzip not installed: the zip was checked with readZip only");
    }
  });

  it("builds the same bytes twice (reproducible package)", async () => {
    const a = await buildPackage({ env: "local", outDir: mkdtempSync(join(tmpdir(), "callbook-a-")) });
    const b = await buildPackage({ env: "local", outDir: mkdtempSync(join(tmpdir(), "callbook-b-")) });
    expect(readFileSync(a.zipPath).equals(readFileSync(b.zipPath))).toBe(true);
  });

  it("reads env/.env.<env>.user on top of env/.env.<env>", async () => {
    const envDir = mkdtempSync(join(tmpdir(), "callbook-env-"));
    copyFileSync(join(ROOT, "env", ".env.dev"), join(envDir, ".env.dev"));
    writeFileSync(
      join(envDir, ".env.dev.user"),
      "TEAMS_APP_ID=11111111-2222-4333-8444-555555555555\nAAD_APP_CLIENT_ID=66666666-7777-4888-8999-000000000000\nBOT_ID=77777777-8888-4999-8aaa-bbbbbbbbbbbb\n",
    );
    const outDir = mkdtempSync(join(tmpdir(), "callbook-dev-"));
    const result = await buildPackage({ env: "dev", envDir, outDir });
    const manifest = JSON.parse(readFileSync(result.manifestPath, "utf8")) as ManifestV130;
    expect(manifest.id).toBe("11111111-2222-4333-8444-555555555555");
    expect(manifest.webApplicationInfo?.resource).toBe(
      "api://callbook-dev.azurewebsites.net/66666666-7777-4888-8999-000000000000",
    );
    expect(manifest.validDomains).toEqual(["callbook-dev.azurewebsites.net"]);
    expect(manifest.name.short).toBe("Callbook-dev");
  });

  it("the CLI stops with one line naming the missing variables (dev before provisioning)", () => {
    const outDir = mkdtempSync(join(tmpdir(), "callbook-cli-"));
    const run = spawnSync(process.execPath, ["--import", "tsx", "appPackage/package.ts", "--env", "dev", "--out", outDir], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      "package failed: missing environment variables for the manifest: TEAMS_APP_ID, BOT_ID, AAD_APP_CLIENT_ID (set them in env/.env.dev or env/.env.dev.user)",
    );
  });

  it("the CLI defaults to local and prints what it wrote", () => {
    const outDir = mkdtempSync(join(tmpdir(), "callbook-cli-"));
    const run = spawnSync(process.execPath, ["--import", "tsx", "appPackage/package.ts", "--out", outDir], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("package (local) from env/.env.local");
    expect(run.stdout).toContain("appPackage.local.zip (manifest.json, color.png, outline.png)");
  });

  it("fails for an unknown environment", async () => {
    await expect(buildPackage({ env: "prod", outDir: tmpdir() })).rejects.toThrow(/\.env\.prod not found/);
  });
});
