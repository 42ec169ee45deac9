import { describe, expect, it } from "vitest";
import { buildRecapCard, dialogDeepLink, pastDueTitle, recapSummary } from "../../../server/domain/bot/meetingCards";
import { adaptiveCardProblems } from "../../support/bot/checkAdaptiveCard";

// The recap card as Teams' Adaptive Card renderer reads it, and the words people see.

const items = [
  { kind: "action", title: "Share UAT test account list", ownerName: "Ben Foster", dueDate: "2026-11-20", status: "open", internalOnly: false },
  { kind: "action", title: "Send the returned-payment file spec", ownerName: "Alicia Grant", dueDate: null, status: "closed", internalOnly: false },
  { kind: "action", title: "Escalate Meridian staffing via Helen", ownerName: "Dana Whitfield", dueDate: "2026-11-19", status: "open", internalOnly: true },
  { kind: "decision", title: "Single cut-over for commercial accounts", ownerName: null, dueDate: null, status: "closed", internalOnly: false },
  { kind: "risk", title: "Two testers for UAT", ownerName: "Rachel Stone", dueDate: null, status: "open", internalOnly: false },
] as const;

describe("recap card", () => {
  const built = buildRecapCard({ subject: "Riverbend weekly status", when: "Mon 16 Nov 2026, 14:45–15:30 EST (New York)", items, reviewUrl: dialogDeepLink("app-id", "https://callbook.test/meetings/m1", "Recap") });
  const text = JSON.stringify(built.card);

  it("passes the adaptivecards parser and validation with no event", () => {
    expect(adaptiveCardProblems(built.card)).toEqual([]);
  });

  it("a broken card is reported by the same check (the check can fail)", () => {
    expect(adaptiveCardProblems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "Bogus" }] })).toEqual([
      'UnknownElementType: Unknown element type "Bogus". Fallback will be used if present.',
    ]);
  });

  it("says what is ready, lists actions with owners and due dates, and the decision", () => {
    expect(built.summary).toBe("Recap ready: 2 actions, 1 decision");
    expect(text).toContain("Share UAT test account list");
    expect(text).toContain("Ben Foster, due Fri 20 Nov 2026");
    expect(text).toContain("Done: Send the returned-payment file spec");
    expect(text).toContain("Single cut-over for commercial accounts");
  });

  it("names the call and its date and time, zone named, under the summary", () => {
    const body = (built.card as { body?: { text?: string }[] }).body ?? [];
    expect(body.slice(1, 3).map((b) => b.text)).toEqual(["Riverbend weekly status", "Mon 16 Nov 2026, 14:45–15:30 EST (New York)"]);
  });

  it("never carries an internal-only item, and risks stay out", () => {
    expect(text).not.toContain("Escalate Meridian");
    expect(text).not.toContain("Two testers");
  });

  it("has one Review and send button opening our recap page in a Teams dialog", () => {
    const actions = (built.card as { actions?: { type: string; title?: string; url?: string }[] }).actions ?? [];
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ type: "Action.OpenUrl", title: "Review and send" });
    const url = new URL(actions[0]?.url ?? "");
    expect(url.origin + url.pathname).toBe("https://teams.microsoft.com/l/task/app-id");
    expect(url.searchParams.get("url")).toBe("https://callbook.test/meetings/m1");
  });

  it("lists carried-over actions after the call's own, once each, and before the call's end says \"So far\", not \"Recap ready\"", () => {
    const carriedOver = [
      { id: "c1", kind: "action", title: "Meridian to send the returned-payment file spec", ownerName: "Alicia Grant", dueDate: "2026-12-09", status: "open", internalOnly: false },
      { id: "c2", kind: "action", title: "Ask product for multi-account autopay", ownerName: "Nina Shah", dueDate: null, status: "open", internalOnly: true },
    ] as const;
    const ongoing = buildRecapCard({ subject: "Riverbend weekly status", when: "Wed 18 Nov 2026, 14:45–15:30 EST (New York)", items, carriedOver, ended: false, reviewUrl: "https://callbook.test/r" });
    const json = JSON.stringify(ongoing.card);
    expect(ongoing.summary).toBe("So far: 3 actions, 1 decision");
    expect(json).toContain("Alicia Grant, due Wed 9 Dec 2026");
    expect(json).not.toContain("Ask product");
    expect(json).not.toContain("Recap ready");
  });

  it("words counts in the singular and plural", () => {
    expect(recapSummary(3, 1)).toBe("Recap ready: 3 actions, 1 decision");
    expect(recapSummary(0, 2)).toBe("Recap ready: no actions, 2 decisions");
    expect(pastDueTitle(["A", "B"])).toBe("You own 2 past-due items: A, B");
    expect(pastDueTitle(["A"])).toBe("You own 1 past-due item: A");
  });
});
