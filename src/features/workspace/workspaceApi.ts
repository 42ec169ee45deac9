import { useCallback, useEffect, useState } from "react";
import { api, ApiError, credential } from "../../api/client";
import type { Page } from "../../../contracts/workspace";

// Small helpers the workspace sections share: field errors from a 400, downloads with the
// credential in a header, and a keyset-paged list.

/** "ragReason: is required…" lines of a 400 as field → message. */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return {};
  const fields = (e.body as { error?: { fields?: string[] } } | null)?.error?.fields ?? [];
  const out: Record<string, string> = {};
  for (const line of fields) {
    const at = line.indexOf(": ");
    if (at > 0) out[line.slice(0, at)] ??= line.slice(at + 2);
  }
  return out;
}

/** A message for what went wrong that is not about one field (409, 403, network). */
export function problemOf(e: unknown): string {
  if (e instanceof ApiError) return e.status === 409 ? `${e.message}. The list was reloaded: try again.` : e.message;
  return e instanceof Error ? e.message : String(e);
}

export const projectApi = (projectId: string) => ({
  get: <T>(path: string) => api<T>(`/projects/${projectId}${path}`),
  send: <T>(method: "POST" | "PATCH" | "PUT" | "DELETE", path: string, json?: unknown) =>
    api<T>(`/projects/${projectId}${path}`, { method, ...(json === undefined ? {} : { json }) }),
});

/** Fetches with the credential header, then saves (or opens, for HTML) the file. */
export async function download(path: string, open = false): Promise<void> {
  const res = await fetch(`/api${path}`, { headers: { Authorization: credential() ?? "" } });
  if (!res.ok) throw new Error(`Download failed (${res.status})`);
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? path.split("/").pop() ?? "export";
  const url = URL.createObjectURL(await res.blob());
  if (open) {
    window.open(url, "_blank", "noopener");
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return;
  }
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export interface Paged<T> {
  items: T[];
  loading: boolean;
  error: string | null;
  page: number;
  hasNext: boolean;
  next(): void;
  previous(): void;
  reload(): void;
}

/** A keyset-paged list: remembers the cursors it went through, so "Previous" works. */
export function usePaged<T>(path: string): Paged<T> {
  // The cursor stack belongs to one path (list + filters): a new filter starts at page 1.
  const [stack, setStack] = useState<{ path: string; cursors: (string | null)[] }>({ path, cursors: [null] });
  const cursors = stack.path === path ? stack.cursors : [null];
  const [data, setData] = useState<Page<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const cursor = cursors[cursors.length - 1] ?? null;
  useEffect(() => {
    let live = true;
    setError(null);
    const sep = path.includes("?") ? "&" : "?";
    api<Page<T>>(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ""}`)
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(problemOf(e)));
    return () => {
      live = false;
    };
  }, [path, cursor, tick]);
  const nextCursor = data?.nextCursor ?? null;
  return {
    items: data?.items ?? [],
    loading: data === null && error === null,
    error,
    page: cursors.length,
    hasNext: nextCursor !== null,
    next: () => {
      if (nextCursor) setStack({ path, cursors: [...cursors, nextCursor] });
    },
    previous: () => setStack({ path, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
    reload: useCallback(() => setTick((t) => t + 1), []),
  };
}

export function navigateTo(path: string): void {
  window.history.pushState(null, "", path);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

/** Runs an edit: its field errors and message for the form, the list reloaded either way; `clear` empties the form on success. */
export function useRun(reload: () => void) {
  const [problem, setProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = async (fn: () => Promise<unknown>, clear?: () => void) => {
    setProblem(null);
    setErrors({});
    try {
      await fn();
      clear?.();
    } catch (e) {
      setErrors(fieldErrors(e));
      setProblem(problemOf(e));
    }
    reload();
  };
  return { run, problem, errors };
}
