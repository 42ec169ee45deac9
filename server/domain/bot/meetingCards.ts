import { AdaptiveCard, Fact, FactSet, OpenUrlAction, TextBlock, type IAdaptiveCard } from "@microsoft/teams.cards";
import type { CapturedItemDto } from "../../../contracts/capture";

// The cards and notices the Teams bot posts (issue 18). Pure: callers pass customer-safe items.

/** "3 actions", "1 decision", "no actions". */
const count = (n: number, one: string) => `${n === 0 ? "no" : n} ${one}${n === 1 ? "" : "s"}`;

/** "Recap ready: 3 actions, 1 decision" (the card's first line and the chat preview). */
export function recapSummary(actions: number, decisions: number): string {
  return `Recap ready: ${count(actions, "action")}, ${count(decisions, "decision")}`;
}

/**
 * A Teams dialog deep link (Microsoft Learn, "Deep link to open a dialog"):
 * `https://teams.microsoft.com/l/task/<appId>?url=…&height=…&width=…&title=…`.
 */
export function dialogDeepLink(appId: string, url: string, title: string): string {
  const q = new URLSearchParams({ url, height: "large", width: "large", title });
  return `https://teams.microsoft.com/l/task/${encodeURIComponent(appId)}?${q.toString()}`;
}

export interface RecapCardInput {
  subject: string;
  /** Items raised in the meeting, already customer-safe (the stage reader's view). */
  items: readonly Pick<CapturedItemDto, "kind" | "title" | "ownerName" | "dueDate" | "status" | "internalOnly">[];
  /** Where "Review and send" goes: a Teams dialog deep link to the recap page. */
  reviewUrl: string;
}

/**
 * The end-of-meeting card for the meeting chat: summary, each action with its owner, due date
 * (YYYY-MM-DD, the item's own date) and state, each decision, and a "Review and send" button.
 * Items flagged internal only are dropped here too: chat members change after a card is posted.
 */
export function buildRecapCard(input: RecapCardInput): { summary: string; card: IAdaptiveCard } {
  const safe = input.items.filter((i) => !i.internalOnly);
  const actions = safe.filter((i) => i.kind === "action");
  const decisions = safe.filter((i) => i.kind === "decision");
  const summary = recapSummary(actions.length, decisions.length);
  const actionFacts = actions.map(
    (a) =>
      new Fact(
        a.status === "closed" ? `Done: ${a.title}` : a.title,
        `${a.ownerName ?? "No owner"}${a.dueDate ? `, due ${a.dueDate}` : ""}`,
      ),
  );
  const decisionLines = decisions.map((d) => new TextBlock(`• ${d.title}`, { wrap: true }));
  const card = new AdaptiveCard(
    new TextBlock(summary, { size: "Large", weight: "Bolder", wrap: true }),
    new TextBlock(input.subject, { isSubtle: true, wrap: true }),
    ...(actions.length ? [new TextBlock("Actions", { weight: "Bolder" }), new FactSet(...actionFacts)] : []),
    ...(decisions.length ? [new TextBlock("Decisions", { weight: "Bolder" }), ...decisionLines] : []),
  )
    .withVersion("1.5")
    .withActions(new OpenUrlAction(input.reviewUrl, { title: "Review and send" }));
  return { summary, card: JSON.parse(JSON.stringify(card)) as IAdaptiveCard };
}

/** "You own 2 past-due items: Send the test plan, Confirm cut-over date" (titles in due order). */
export function pastDueTitle(titles: readonly string[]): string {
  const head = `You own ${titles.length} past-due item${titles.length === 1 ? "" : "s"}`;
  return titles.length ? `${head}: ${titles.join(", ")}` : head;
}
