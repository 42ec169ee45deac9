import { escapeHtml } from "../../contracts/escapeHtml";

// The small pages a digest's signed links open (no sign-in, no app bundle): what the link will do
// with a button to confirm it (mail scanners open links; only the button's POST changes anything),
// what it did, or why it cannot be used.

export interface ReminderPage {
  status: number;
  html: string;
}

const shell = (title: string, body: string) =>
  [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} · Callbook</title>`,
    "<style>body{font-family:'Segoe UI',system-ui,sans-serif;margin:2rem auto;max-width:36rem;padding:0 1rem;color:#242424;line-height:1.45}",
    "h1{font-size:1.35rem;font-weight:600}button{font:inherit;padding:.4rem 1rem;border-radius:4px;border:1px solid #0f6cbd;background:#0f6cbd;color:#fff;cursor:pointer}",
    "input{font:inherit;padding:.3rem;margin-right:.5rem}.muted{color:#616161;font-size:.9rem}</style></head><body>",
    `<main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
  ].join("");

const p = (text: string, cls?: string) => `<p${cls ? ` class="${cls}"` : ""}>${escapeHtml(text)}</p>`;

/** 403: a link whose signature does not match (altered, forged, or made for another purpose). */
export function invalidLinkPage(): ReminderPage {
  return { status: 403, html: shell("This link is not valid", p("The link may have been changed or copied incompletely. Nothing was changed. Use the link in your latest reminder e-mail, or open Callbook.")) };
}

/** 410: a genuine link past its expiry. */
export function expiredLinkPage(): ReminderPage {
  return { status: 410, html: shell("This link has expired", p("Links in reminder e-mails work for 14 days. Nothing was changed. Use the link in your latest reminder e-mail, or open Callbook.")) };
}

/** 404: links are not set up here, or what the link names is gone or no longer the person's. */
export function goneLinkPage(reason: "off" | "person" | "target" | "not_owner"): ReminderPage {
  const text =
    reason === "off"
      ? "Reminder links are not set up on this server."
      : reason === "not_owner"
        ? "This action has been given to someone else since the reminder was sent. Nothing was changed."
        : "What this link points to no longer exists. Nothing was changed.";
  return { status: 404, html: shell("This link cannot be used", p(text)) };
}

/** What the confirm page shows of the action. */
export interface ActionSummary {
  title: string;
  projectName: string;
  dueDate: string | null;
  closed: boolean;
}

const actionLine = (a: ActionSummary) => `<p><strong>${escapeHtml(a.title)}</strong><br><span class="muted">${escapeHtml(a.projectName)}${a.dueDate ? ` · due ${escapeHtml(a.dueDate)}` : ""}</span></p>`;

/** 200: the confirm page of a link: a form posting back to the same signed address (`formAction`). */
export function confirmPage(action: "done" | "move" | "mute", formAction: string, what: ActionSummary | { projectName: string }): ReminderPage {
  const form = (inner: string) => `<form method="post" action="${escapeHtml(formAction)}">${inner}</form>`;
  if (action === "mute") {
    const name = what.projectName;
    return { status: 200, html: shell(`Stop reminders for ${name}?`, p(`You will no longer get reminder e-mails about your actions on ${name}. Your actions stay as they are.`) + form("<button type=\"submit\">Stop reminders</button>")) };
  }
  const a = what as ActionSummary;
  if (a.closed) return { status: 200, html: shell("This action is already done", actionLine(a) + p("Nothing to do.")) };
  if (action === "done") return { status: 200, html: shell("Mark this action done?", actionLine(a) + form('<button type="submit">Mark done</button>')) };
  return {
    status: 200,
    html: shell(
      "Move the date of this action",
      actionLine(a) +
        form(`<label for="dueDate">New due date</label><br><input id="dueDate" name="dueDate" type="date" required value="${escapeHtml(a.dueDate ?? "")}"><button type="submit">Move the date</button>`),
    ),
  };
}

/** 200: what the link did. */
export function donePage(action: "done" | "move" | "mute", what: ActionSummary | { projectName: string }): ReminderPage {
  if (action === "mute") return { status: 200, html: shell("Reminders stopped", p(`You will get no more reminder e-mails about ${what.projectName}.`)) };
  const a = what as ActionSummary;
  return action === "done"
    ? { status: 200, html: shell("Marked done", actionLine(a) + p("Thank you. The project team sees it as done now.")) }
    : { status: 200, html: shell("Date moved", actionLine(a) + p(`The new due date is ${a.dueDate ?? ""}. The project team sees it now.`)) };
}

/** 400: the move form's date is missing or not a date. */
export function badDatePage(formAction: string, a: ActionSummary): ReminderPage {
  const page = confirmPage("move", formAction, a);
  return { status: 400, html: page.html.replace("<form", `${p("Choose a date (YYYY-MM-DD).")}<form`) };
}
