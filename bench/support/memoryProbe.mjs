// Preloaded into a benchmarked server (NODE_OPTIONS="--expose-gc --import <this file>"): on SIGUSR2
// it runs a full garbage collection, then writes process.memoryUsage() to stderr as one JSON line.
process.on("SIGUSR2", () => {
  if (typeof globalThis.gc === "function") globalThis.gc();
  process.stderr.write(`${JSON.stringify({ memoryProbe: process.memoryUsage() })}\n`);
});
