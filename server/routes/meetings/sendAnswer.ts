import type { Response } from "express";
import type { MeetingAnswerCache } from "../../services/meetings/meetingAnswerCache";

/**
 * Sends a meeting answer (JSON text from `build`): uncached when `key` is null (the build then
 * answers 403/404 itself), else pre-serialised from `cache` with its ETag, so Express answers 304
 * to a matching If-None-Match (the panel keeps the body itself; the API's own Cache-Control is
 * left as it is). Rejects as `build` does.
 */
export async function sendAnswer(res: Response, cache: MeetingAnswerCache, key: string | null, build: () => Promise<string>): Promise<void> {
  if (!key) {
    res.type("application/json").send(await build());
    return;
  }
  const answer = await cache.fetchBody(key, build);
  res.set("ETag", answer.etag).type("application/json").send(answer.body);
}
