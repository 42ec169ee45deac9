import express, { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { parse } from "../../http/validate";
import { reminderLinkParams } from "../../../contracts/reminders";
import { answerReminderLink } from "../../services/reminders/answerReminderLink";

/**
 * `/api/reminders/:action` (done, move, mute): the signed links of reminder digests, answered
 * without a sign-in with a small HTML page. GET shows what the link does and a button; the
 * button's POST (same signed address) does it. `linkSecret` undefined: every link answers 404.
 */
export function remindersRouter(deps: AppDeps, linkSecret: string | undefined): Router {
  const r = Router();
  r.use(express.urlencoded({ extended: false, limit: "4kb" }));
  const answer = (withForm: boolean): express.RequestHandler => async (req, res) => {
    const { action } = parse(reminderLinkParams, req.params);
    const form = withForm ? ((req.body ?? {}) as Record<string, unknown>) : null;
    const page = await answerReminderLink(deps, linkSecret, action, req.query as Record<string, unknown>, form, req.originalUrl);
    res.status(page.status).type("html").send(page.html);
  };
  r.get("/:action", answer(false));
  r.post("/:action", answer(true));
  return r;
}
