import { describe, expect, it } from "vitest";
import { withEtagRetry } from "../../../server/graph/withEtagRetry";
import { GraphRequestFailed } from "../../../server/graph/MailCalendarGateway";

// withEtagRetry: an If-Match write re-read and tried again on 412 Precondition Failed, a bounded number of times.

const stale = () => new GraphRequestFailed("updateTask", 412, "PreconditionFailed", "req-1");

describe("withEtagRetry", () => {
  it("re-reads after a 412 and writes again against the ETag read", async () => {
    const tried: string[] = [];
    let conflicts = 0;
    const result = await withEtagRetry(
      'W/"1"',
      async (etag) => {
        tried.push(etag);
        if (etag === 'W/"1"') throw stale();
        return `patched at ${etag}`;
      },
      async () => 'W/"2"',
      { maxRetries: 3, onConflict: () => (conflicts += 1) },
    );
    expect(result).toBe('patched at W/"2"');
    expect(tried).toEqual(['W/"1"', 'W/"2"']);
    expect(conflicts).toBe(1);
  });

  it("throws the last 412 after maxRetries re-reads", async () => {
    let writes = 0;
    let rereads = 0;
    const run = withEtagRetry(
      0,
      async () => {
        writes += 1;
        throw stale();
      },
      async () => ++rereads,
      { maxRetries: 3 },
    );
    await expect(run).rejects.toMatchObject({ status: 412 });
    expect([writes, rereads]).toEqual([4, 3]);
  });

  it.each([
    ["a 404", new GraphRequestFailed("updateTask", 404, "NotFound", null)],
    ["a 429", new GraphRequestFailed("updateTask", 429, "TooManyRequests", null, 30)],
    ["a non-Graph error", new Error("database gone")],
  ])("passes %s through without re-reading", async (_what, error) => {
    let rereads = 0;
    const run = withEtagRetry(
      0,
      async () => {
        throw error;
      },
      async () => ++rereads,
      { maxRetries: 3 },
    );
    await expect(run).rejects.toBe(error);
    expect(rereads).toBe(0);
  });
});
