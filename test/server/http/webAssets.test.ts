import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import request from "supertest";
import pino from "pino";
import { createApp } from "../../../server/app";
import { createLocalBus } from "../../../server/live/liveBus";
import type { Database } from "../../../server/db/database";

// Needs the built front end (npx vite build): the hashed assets and their .br/.gz twins are build output.
const webRoot = fileURLToPath(new URL("../../../dist/web", import.meta.url));

function app() {
  const database = { kind: "pglite", ping: () => Promise.resolve() } as unknown as Database;
  return createApp({
    database, logger: pino({ level: "silent" }), clock: () => new Date(), authenticators: [], isReady: () => true, devSignIn: false,
    bus: createLocalBus(), mail: () => { throw new Error("no mail here"); }, mailMode: "graph", webRoot,
  });
}

/** The built page's entry script (/assets/main-<hash>.js), as index.html names it. */
function entryScript(): string {
  const m = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(`${webRoot}/index.html`, "utf8"));
  if (!m?.[1]) throw new Error("index.html names no entry script: build the front end first");
  return m[1];
}

const raw = (res: request.Response): Buffer => res.body as Buffer;
/** supertest body parser that keeps the bytes (the object it passes is the Node response stream). */
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  stream.on("end", () => done(null, Buffer.concat(chunks)));
};

describe("the built front end's assets (issue 19)", () => {
  it("every hashed script has brotli and gzip twins from the build", () => {
    expect(existsSync(`${webRoot}/index.html`)).toBe(true);
    const scripts = readdirSync(`${webRoot}/assets`).filter((f) => f.endsWith(".js") && statSize(`${webRoot}/assets/${f}`) >= 1024);
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) {
      expect(existsSync(`${webRoot}/assets/${f}.br`), `${f}.br`).toBe(true);
      expect(existsSync(`${webRoot}/assets/${f}.gz`), `${f}.gz`).toBe(true);
    }
  });

  it("a browser asking for brotli gets the brotli twin: same script, immutable for a year, Vary: Accept-Encoding", async () => {
    const path = entryScript();
    const plain = readFileSync(`${webRoot}${path}`);
    const res = await request(app()).get(path).set("Accept-Encoding", "gzip, deflate, br").buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    // The twin itself went over the wire (supertest decodes it, like a browser).
    expect(Number(res.headers["content-length"])).toBe(readFileSync(`${webRoot}${path}.br`).length);
    expect(brotliDecompressSync(readFileSync(`${webRoot}${path}.br`)).equals(plain)).toBe(true);
    expect(raw(res).equals(plain)).toBe(true);
  });

  it("a client that takes only gzip gets the gzip twin", async () => {
    const path = entryScript();
    const res = await request(app()).get(path).set("Accept-Encoding", "gzip").buffer(true).parse(binary);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(Number(res.headers["content-length"])).toBe(readFileSync(`${webRoot}${path}.gz`).length);
    expect(gunzipSync(readFileSync(`${webRoot}${path}.gz`)).equals(readFileSync(`${webRoot}${path}`))).toBe(true);
    expect(raw(res).equals(readFileSync(`${webRoot}${path}`))).toBe(true);
  });

  it("a client that takes no encoding gets the plain file", async () => {
    const path = entryScript();
    const res = await request(app()).get(path).set("Accept-Encoding", "identity").buffer(true).parse(binary);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(raw(res).equals(readFileSync(`${webRoot}${path}`))).toBe(true);
  });

  it.each(["/", "/index.html", "/meetings/00000000-0000-4000-8000-000000000000"])("the page %s is revalidated on every load (no-cache)", async (path) => {
    const res = await request(app()).get(path).set("Accept-Encoding", "gzip, br");
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.text).toContain('<div id="root">');
  });

  it("the page's inline data bootstrap is allowed by its hash, and no script is allowed inline otherwise", async () => {
    const res = await request(app()).get("/");
    const scriptSrc = /script-src ([^;]+)/.exec(String(res.headers["content-security-policy"]))?.[1]?.split(" ") ?? [];
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    const hashes = JSON.parse(readFileSync(`${webRoot}/csp-hashes.json`, "utf8")) as string[];
    expect(hashes.length).toBeGreaterThan(0);
    for (const h of hashes) expect(scriptSrc).toContain(h);
  });
});

function statSize(file: string): number {
  return readFileSync(file).length;
}
