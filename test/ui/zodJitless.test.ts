import { describe, expect, it } from "vitest";

// src/zodJitless.ts sets Zod's `jitless` before Zod is loaded, without importing it (issue 12). If a
// Zod upgrade moved its global config, this fails instead of the browser logging CSP eval refusals.
describe("Zod's jitless switch, set before Zod loads", () => {
  it("is what Zod's config says once Zod is loaded afterwards, and schemas still parse", async () => {
    await import("../../src/zodJitless");
    const { config } = await import("zod/v4/core");
    expect(config().jitless).toBe(true);
    const { z } = await import("zod");
    expect(z.object({ title: z.string() }).parse({ title: "Send the rota" })).toEqual({ title: "Send the rota" });
    expect(z.config().jitless).toBe(true);
  });
});
