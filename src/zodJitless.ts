import { config } from "zod/v4/core";

/**
 * Zod 4 compiles a fast object parser with `new Function` and first probes whether eval is
 * allowed; our CSP (server/http/securityHeaders.ts) has no 'unsafe-eval', so the probe, although
 * caught, logs a `script-src eval` violation on every page that parses a contract. `jitless`
 * skips both the probe and the compiled path (same results, Zod's `z.config` option). Imported
 * first by each front-end entry (src/main.tsx, src/outlook/main.tsx), before any schema parses.
 */
config({ jitless: true });
