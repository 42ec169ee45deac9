import { AdaptiveCard, Fact, FactSet, OpenUrlAction, TextBlock, type IAdaptiveCard } from "@microsoft/teams.cards";
import type { CapturedItemDto } from "../../../contracts/capture";
import { formatLongDate } from "../isoDates";

// The cards and notices the Teams bot posts (issue 18). Pure: callers pass customer-safe items.

/** "3 actions", "1 decision", "no actions". */
const count = (n: number, one: string) => `${n === 0 ? "no" : n} ${one}${n === 1 ? "" : "s"}`;

/**
 * "Recap ready: 3 actions, 1 decision" (the card's first line and the chat preview) once the call
 * has ended; before its end, "So far: 3 actions, 1 decision" (nothing is ready yet).
 */
export function recapSummary(actions: number, decisions: number, ended = true): string {
  return `${ended ? "Recap ready" : "So far"}: ${count(actions, "action")}, ${count(decisions, "decision")}`;
}

/**
 * A Teams dialog deep link (Microsoft Learn, "Deep link to open a dialog"):
 * `https://teams.microsoft.com/l/task/<appId>?url=…&height=…&width=…&title=…`.
 */
export function dialogDeepLink(appId: string, url: string, title: string): string {
  const q = new URLSearchParams({ url, height: "large", width: "large", title });
  return `https://teams.microsoft.com/l/task/${encodeURIComponent(appId)}?${q.toString()}`;
}

type CardItem = Pick<CapturedItemDto, "kind" | "title" | "ownerName" | "dueDate" | "status" | "internalOnly"> & { id?: string };

export interface RecapCardInput {
  subject: string;
  /**
   * The call's date and time, zone named ("Mon 16 Nov 2026, 14:45–15:30 EST (New York)", see
   * recapCardWhen): shown under the subject so two cards of a weekly call read apart.
   */
  when: string;
  /** Items raised in the meeting, already customer-safe (the stage reader's view). */
  items: readonly CardItem[];
  /** Open items carried over from earlier calls of the same type, customer-safe: the recap lists their actions too. */
  carriedOver?: readonly CardItem[];
  /** False while the call has not reached its end: the card then says "So far", not "Recap ready". Default true. */
  ended?: boolean;
  /** Where "Review and send" goes: a Teams dialog deep link to the recap page. */
  reviewUrl: string;
}

/**
 * The end-of-meeting card for the meeting chat: summary, the call's subject and date, each action (captured in the call, then
 * carried over from earlier calls, as the recap lists them) with its owner, due date in words
 * ("due Wed 9 Dec 2026", formatLongDate: the recap's formatter) and state, each decision, and a
 * "Review and send" button. Items flagged internal only are dropped here too: chat members change
 * after a card is posted.
 */
export function buildRecapCard(input: RecapCardInput): { summary: string; card: IAdaptiveCard } {
  const captured = input.items.filter((i) => !i.internalOnly);
  const capturedIds = new Set(captured.map((i) => i.id).filter((id) => id !== undefined));
  const carried = (input.carriedOver ?? []).filter((i) => !i.internalOnly && !(i.id !== undefined && capturedIds.has(i.id)));
  const actions = [...captured, ...carried].filter((i) => i.kind === "action");
  const decisions = captured.filter((i) => i.kind === "decision");
  const summary = recapSummary(actions.length, decisions.length, input.ended ?? true);
  const actionFacts = actions.map(
    (a) =>
      new Fact(
        a.status === "closed" ? `Done: ${a.title}` : a.title,
        `${a.ownerName ?? "No owner"}${a.dueDate ? `, due ${formatLongDate(a.dueDate)}` : ""}`,
      ),
  );
  const decisionLines = decisions.map((d) => new TextBlock(`• ${d.title}`, { wrap: true }));
  const card = new AdaptiveCard(
    new TextBlock(summary, { size: "Large", weight: "Bolder", wrap: true }),
    new TextBlock(input.subject, { isSubtle: true, wrap: true }),
    new TextBlock(input.when, { isSubtle: true, wrap: true, spacing: "None" }),
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
