// Talks to the Callbook API with the signed-in user's credential.
import { adoptBootstrapped } from "./bootstrap";
import { noteServerTime } from "./serverClock";

const CREDENTIAL_KEY = "callbook.credential";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function credential(): string | null {
  try {
    return localStorage.getItem(CREDENTIAL_KEY);
  } catch {
    return null;
  }
}

/** Inside Teams (or Outlook): where a fresh SSO token comes from. The host caches and renews it. */
let tokenSource: (() => Promise<string>) | null = null;

export function setHostTokenSource(source: (() => Promise<string>) | null): void {
  tokenSource = source;
}

/** The Authorization value for a request: the dev sign-in credential, or a fresh host SSO token. */
export async function authorization(): Promise<string | null> {
  const dev = credential();
  if (dev) return dev;
  if (!tokenSource) return null;
  return `Bearer ${await tokenSource()}`;
}

export function setCredential(value: string | null): void {
  if (value) localStorage.setItem(CREDENTIAL_KEY, value);
  else localStorage.removeItem(CREDENTIAL_KEY);
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const plainGet = init.method === undefined && init.body === undefined && init.json === undefined && init.headers === undefined;
  const res = await ((plainGet ? adoptBootstrapped(path) : undefined) ?? send(path, init));
  return read<T>(res);
}

async function send(path: string, init: RequestInit & { json?: unknown }): Promise<Response> {
  const headers = new Headers(init.headers);
  const cred = await authorization();
  if (cred) headers.set("Authorization", cred);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  }
  return fetch(`/api${path}`, { ...init, headers, body });
}

async function read<T>(res: Response): Promise<T> {
  noteServerTime(res.headers);
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? "http_error", err?.message ?? `Request failed (${res.status})`, data);
  }
  return data as T;
}

const prefetched = new Map<string, Promise<unknown>>();

/** Starts a GET now, for a component that will ask for it once it renders (saves a round trip in series). */
export function prefetch(path: string): void {
  if (prefetched.has(path)) return;
  const request = api(path);
  request.catch(() => undefined); // the component that takes it sees the error
  prefetched.set(path, request);
}

/** Keeps `request` as the prefetched GET of `path` (an answer already had under another path), unless one is pending. */
export function seedPrefetched<T>(path: string, request: Promise<T>): void {
  if (prefetched.has(path)) return;
  request.catch(() => undefined);
  prefetched.set(path, request);
}

/** Whether a prefetched GET of this path waits to be taken. */
export function isPrefetched(path: string): boolean {
  return prefetched.has(path);
}

/** The prefetched GET of this path, once; later calls fetch afresh. */
export function takePrefetched<T>(path: string): Promise<T> | undefined {
  const request = prefetched.get(path) as Promise<T> | undefined;
  prefetched.delete(path);
  return request;
}
