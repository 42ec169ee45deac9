import express from "express";

// The idle-memory baseline: an Express app under the same loader as the server, doing nothing.
const app = express();
app.get("/healthz", (_req, res) => {
  res.json({ status: "ok" });
});
app.listen(0, "127.0.0.1", () => process.stdout.write("listening\n"));
