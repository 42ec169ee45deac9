import express, { type Response } from "express";

// The live fan-out baseline (issue 19): bare Express, no database, no auth. GET /events holds an
// SSE stream; POST /items (JSON { id, kind, title }) writes `data: <body>` to every open stream
// and answers 201. Prints "listening <port>" once it listens.
const streams = new Set<Response>();
const app = express();
app.use(express.json());
app.get("/events", (req, res) => {
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
  res.write(": open\n\n");
  streams.add(res);
  req.on("close", () => streams.delete(res));
});
app.post("/items", (req, res) => {
  const line = `event: item\ndata: ${JSON.stringify(req.body)}\n\n`;
  for (const s of streams) s.write(line);
  res.status(201).json({ ok: true });
});
const server = app.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
