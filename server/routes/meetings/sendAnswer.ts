import type { Response } from "express";
import type { Db } from "../../db/database";
import type { RequestContext } from "../../http/requestContext";
import type { AnswerBody, MeetingAnswerCache } from "../../services/meetings/meetingAnswerCache";
import { loadMeetingContext } from "../../services/meetings/loadMeetingContext";
import { detail } from "../../presenters/meetings";

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
  sendBody(res, await cache.fetchBody(key, build));
}

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/**
 * Sends a held answer: its pre-serialised bytes with their ETag and a fixed Content-Type (no MIME
 * look-up per request); Express answers 304 to a matching If-None-Match. Synchronous (issue 19:
 * a repeated open makes no promise).
 */
export function sendBody(res: Response, answer: AnswerBody): void {
  res.setHeader("ETag", answer.etag);
  res.setHeader("Content-Type", JSON_CONTENT_TYPE);
  res.send(answer.body);
}

/**
 * Sends the MeetingDetail of meeting `id` for the caller (GET /meetings/:id and GET /meetings/by-chat):
 * from `cache` under the caller's access and audience, else built by loadMeetingContext at `now`
 * (which answers 403/404). Rejects as loadMeetingContext does.
 */
export async function sendMeetingDetail(res: Response, cache: MeetingAnswerCache, db: Db, ctx: RequestContext, id: string, now: Date): Promise<void> {
  await sendAnswer(res, cache, await cache.keyFor(db, ctx, id, "meeting", now), async () => JSON.stringify(detail(await loadMeetingContext(db, ctx, id), now)));
}
