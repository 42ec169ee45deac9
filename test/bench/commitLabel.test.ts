import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commitLabel } from "../../bench/support/commitLabel";

// compareSidePanel labels its before side by the commit BEFORE_ROOT holds (it said "84a1a46" whatever was there).

describe("commitLabel", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const git = (dir: string, ...args: string[]) => execFileSync("git", ["-C", dir, ...args], { encoding: "utf8" }).trim();

  it("names the commit checked out at the root, not a fixed one", () => {
    const dir = mkdtempSync(join(tmpdir(), "callbook-label-"));
    dirs.push(dir);
    git(dir, "init", "-q");
    writeFileSync(join(dir, "a.txt"), "one");
    git(dir, "add", "a.txt");
    git(dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "one");
    const first = git(dir, "rev-parse", "--short", "HEAD");
    expect(commitLabel(dir)).toBe(first);
    writeFileSync(join(dir, "a.txt"), "two");
    git(dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-am", "two");
    expect(commitLabel(dir)).not.toBe(first);
    expect(commitLabel(dir)).toBe(git(dir, "rev-parse", "--short", "HEAD"));
  });

  it("says so when the root is no checkout", () => {
    const dir = mkdtempSync(join(tmpdir(), "callbook-label-"));
    dirs.push(dir);
    expect(commitLabel(dir)).toBe(`unknown commit at ${dir}`);
  });
});
