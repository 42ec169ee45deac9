import type { Profiler } from "node:inspector";

/** Where a call frame is, shortened: node_modules paths from the package, project paths from their folder. */
function frameKey(f: Profiler.ProfileNode["callFrame"]): string {
  const file = f.url.replace(/^.*\/node_modules\//, "~/").replace(/^file:\/\/.*\/(server|bench|test)\//, "$1/");
  return `${f.functionName || "(anonymous)"}  ${file ? `${file}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ""}`;
}

const IDLE = new Set(["(idle)"]);

/** Milliseconds of main-thread CPU a V8 CPU profile recorded, idle excluded (samples × their mean interval). */
export function busyMs(profile: Profiler.Profile): number {
  const idle = new Set(profile.nodes.filter((n) => IDLE.has(n.callFrame.functionName)).map((n) => n.id));
  const samples = profile.samples ?? [];
  const busy = samples.filter((id) => !idle.has(id)).length;
  return samples.length === 0 ? 0 : ((profile.endTime - profile.startTime) / 1000) * (busy / samples.length);
}

/**
 * The `limit` frames of a V8 CPU profile with the most self time ("12.3%  name  file:line:col"),
 * then the `limit` with the most inclusive time (a frame counted once per sample however often it
 * recurs); shares are of busy samples (idle excluded). Frames are merged by function and position.
 */
export function topFrames(profile: Profiler.Profile, limit: number): { self: string[]; inclusive: string[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  for (const id of profile.samples ?? []) {
    const node = byId.get(id);
    if (!node || IDLE.has(node.callFrame.functionName)) continue;
    total++;
    const key = frameKey(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + 1);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n || n.callFrame.functionName === "(root)") continue;
      const k = frameKey(n.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + 1);
    }
  }
  const lines = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([key, n]) => `${((100 * n) / Math.max(1, total)).toFixed(1).padStart(5)}%  ${key}`);
  return { self: lines(self), inclusive: lines(incl) };
}

/**
 * Self time of a V8 CPU profile grouped by where the code lives (a node_modules package, node's
 * own modules, a project folder, or a V8 pseudo-frame such as the garbage collector), as shares
 * of busy samples (idle excluded), largest first.
 */
export function selfByOrigin(profile: Profiler.Profile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const share = new Map<string, number>();
  let total = 0;
  for (const id of profile.samples ?? []) {
    const f = byId.get(id)?.callFrame;
    if (!f || IDLE.has(f.functionName)) continue;
    total++;
    const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f.url)?.[1];
    const origin = pkg
      ? pkg
      : f.url.startsWith("node:")
        ? `node:${f.url.slice(5).split("/")[0]}`
        : /\/(server|bench|test)\/([^/]+)/.exec(f.url)?.slice(1, 3).join("/") ?? (f.url || f.functionName);
    share.set(origin, (share.get(origin) ?? 0) + 1);
  }
  return [...share.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, n / Math.max(1, total)]);
}
