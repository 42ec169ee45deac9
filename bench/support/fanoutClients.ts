import { request, type IncomingMessage } from "node:http";
import { connect, type Socket } from "node:net";
import { performance } from "node:perf_hooks";

// Many SSE clients over raw http (one socket each, no agent): each reports when a marker (an item
// id) first appears in its stream. One marker is awaited at a time.

export class FanoutClients {
  private readonly responses: IncomingMessage[] = [];
  private marker: string | null = null;
  private got: boolean[] = [];
  private times: number[] = [];
  private left = 0;
  private done: (() => void) | null = null;

  get size(): number {
    return this.responses.length;
  }

  async open(url: string, headers: Record<string, string>): Promise<void> {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(url, { agent: false, headers: { Accept: "text/event-stream", ...headers } }, resolve);
      req.on("error", reject);
      req.end();
    });
    if (res.statusCode !== 200) throw new Error(`SSE answered ${res.statusCode}`);
    const index = this.responses.length;
    this.responses.push(res);
    res.setEncoding("utf8");
    let tail = "";
    res.on("data", (chunk: string) => {
      const text = tail + chunk;
      tail = text.slice(-80);
      if (this.marker && !this.got[index] && text.includes(this.marker)) {
        this.got[index] = true;
        this.times[index] = performance.now();
        if (--this.left === 0) this.done?.();
      }
    });
    res.on("error", () => undefined);
  }

  /** Opens n clients, `parallel` at a time. */
  async openMany(n: number, parallel: number, url: string, headers: Record<string, string>): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < n) {
        next++;
        await this.open(url, headers);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  }

  /** Runs `post` (which makes `marker` appear) and resolves with each client's latency from just before it, in ms. */
  async deliver(marker: string, post: () => Promise<void>, timeoutMs: number): Promise<number[]> {
    this.marker = marker;
    this.got = this.responses.map(() => false);
    this.times = this.responses.map(() => Number.NaN);
    this.left = this.responses.length;
    const all = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.left} of ${this.responses.length} clients did not receive ${marker} within ${timeoutMs} ms`)), timeoutMs);
      this.done = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    const t0 = performance.now();
    await post();
    await all;
    this.marker = null;
    return this.times.map((t) => t - t0);
  }

  close(): void {
    for (const res of this.responses.splice(0)) res.destroy();
  }
}

/** TCP connections to the server that send nothing (a bare connection, for a memory baseline). */
export async function openIdleSockets(port: number, n: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < n; i++) {
    sockets.push(
      await new Promise<Socket>((resolve, reject) => {
        const s = connect(port, "127.0.0.1", () => resolve(s));
        s.on("error", reject);
      }),
    );
  }
  return sockets;
}
