/**
 * Zod 4 compiles a fast object parser with `new Function` and first probes whether eval is
 * allowed; our CSP (server/http/securityHeaders.ts) has no 'unsafe-eval', so the probe, although
 * caught, logs a `script-src eval` violation on every page that builds a contract schema. `jitless`
 * skips both the probe and the compiled path (same results, Zod's `z.config` option). Imported
 * first by each front-end entry (src/main.tsx, src/outlook/main.tsx), before any schema exists.
 *
 * Set without importing Zod (issue 12: the side panel builds no schema, so its first paint carries
 * no Zod): on the object Zod keeps its global config in, `globalThis.__zod_globalConfig`, which Zod
 * creates only when it is absent (zod/v4/core/core.js) and which `z.config()` writes to.
 * test/ui/zodJitless.test.ts checks that Zod, loaded afterwards, reads it.
 */
const zodGlobal = globalThis as typeof globalThis & { __zod_globalConfig?: Record<string, unknown> };
zodGlobal.__zod_globalConfig = Object.assign(zodGlobal.__zod_globalConfig ?? {}, { jitless: true });
export {}; // a module with no exports: imported for its effect
