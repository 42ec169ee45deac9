import { execFileSync } from "node:child_process";

/**
 * The short commit checked out at `root` (`git -C root rev-parse --short HEAD`), to label a side of
 * a before/after bench by what it really ran; "unknown commit at <root>" when `root` is no checkout.
 */
export function commitLabel(root: string): string {
  try {
    return execFileSync("git", ["-C", root, "rev-parse", "--short", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return `unknown commit at ${root}`;
  }
}
