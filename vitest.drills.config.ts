import { defineConfig } from "vitest/config";

// npm run drills: the reliability drills (test/drills/*.drill.test.ts: crash, Graph faults, import storm,
// storage faults, live streams, Planner faults, digests across two instances) and the
// fast ones that `npm test` runs too (test/drills/fast/*.fast.test.ts: bad input, auth, output safety).
// One file at a time: the crash drill kills and restarts a server and times its writes.
export default defineConfig({
  test: {
    include: ["test/drills/*.drill.test.ts", "test/drills/fast/*.fast.test.ts"],
    globalSetup: ["test/support/globalSetup.ts"],
    testTimeout: 240_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    reporters: ["default"],
  },
});
