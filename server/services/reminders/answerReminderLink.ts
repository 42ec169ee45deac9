import type { AppDeps } from "../../appDeps";
import { reminderMoveBody } from "../../../contracts/reminders";
import { badDatePage, confirmPage, donePage, expiredLinkPage, goneLinkPage, invalidLinkPage, type ActionSummary, type ReminderPage } from "../../presenters/reminderPages";
import { checkLink, type LinkAction } from "./signReminderLink";
import { resolveReminderLink, type LinkTarget } from "./resolveReminderLink";
import { muteReminders } from "./muteReminders";
import { changeActionFromLink } from "./changeActionFromLink";

const summary = (t: Extract<LinkTarget, { kind: "action" }>, row = t.item): ActionSummary => ({
  title: row.title,
  projectName: t.projectName,
  dueDate: row.dueDate,
  closed: row.status === "closed",
});

/**
 * The page a digest's signed link answers with (issue 17 §2). `form` null: the GET, which only
 * shows what the link will do and a button (mail scanners and link previews open GETs); `form`
 * given: the button's POST, which does it: "done" closes the action, "move" sets its due date to
 * `form.dueDate` (YYYY-MM-DD), "mute" stops the person's reminders for the project. A link whose
 * signature does not match answers 403, one past its expiry 410, one whose person or target is
 * gone (or whose action was given to someone else) 404; nothing is changed then. `secret`
 * undefined: links are off here (404). `now` checks the expiry and stamps the change.
 */
export async function answerReminderLink(deps: AppDeps, secret: string | undefined, action: LinkAction, query: Record<string, unknown>, form: Record<string, unknown> | null, formAction: string): Promise<ReminderPage> {
  if (!secret) return goneLinkPage("off");
  const now = deps.clock();
  const checked = checkLink(action, query, secret, now);
  if (!checked.ok) return checked.reason === "expired" ? expiredLinkPage() : invalidLinkPage();
  const target = await resolveReminderLink(deps.database.db, checked.claims);
  if ("gone" in target) return goneLinkPage(target.gone);
  if (target.kind === "project") {
    if (!form) return confirmPage("mute", formAction, target);
    await muteReminders(deps.database.db, { tenantId: checked.claims.tenantId, personId: target.person.id, projectId: target.projectId }, now);
    return donePage("mute", target);
  }
  if (!form || target.item.status === "closed") return confirmPage(action, formAction, summary(target));
  if (action === "done") {
    const row = await changeActionFromLink(deps, target, { status: "closed" }, now);
    return donePage("done", summary(target, row));
  }
  const body = reminderMoveBody.safeParse(form);
  if (!body.success) return badDatePage(formAction, summary(target));
  const row = await changeActionFromLink(deps, target, { dueDate: body.data.dueDate }, now);
  return donePage("move", summary(target, row));
}
