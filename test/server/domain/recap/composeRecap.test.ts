import { describe, expect, it } from "vitest";
import { composeRecap } from "../../../../server/domain/recap/composeRecap";
import {
  attendee,
  customerStatusInput,
  dana,
  elena,
  flat,
  grace,
  internalAgenda,
  items,
  marcus,
  notes,
  priya,
  project,
  rachel,
  steeringAgenda,
} from "./recapFixtures";

describe("composeRecap: customer status call", () => {
  const recap = composeRecap(customerStatusInput());
  const text = flat(recap.text);

  it("names the call and its date in the recipients' time zone", () => {
    expect(recap.subject).toBe("Recap: Riverbend weekly status — Mon 23 Nov 2026");
    expect(text).toContain("Mon 23 Nov 2026, 10:00–10:45 EST");
  });

  it("dates an evening call by its New York day, not its UTC day", () => {
    const late = customerStatusInput().meeting;
    const evening = composeRecap(customerStatusInput({ meeting: { ...late, startsAt: "2026-11-24T01:00:00.000Z", endsAt: "2026-11-24T01:30:00.000Z" } }));

    expect(evening.subject).toBe("Recap: Riverbend weekly status — Mon 23 Nov 2026");
  });

  it("goes to the attendees but the sender, and nobody else", () => {
    expect(recap.to.map((r) => r.name)).toEqual(["Marcus Lee", "Priya Raman", "Rachel Stone", "Tom Alvarez"]);
    expect(recap.cc).toEqual([]);
  });

  it("carries the status report: RAG as a word, why, path to green, when it changed", () => {
    expect(text).toContain("STATUS REPORT");
    expect(text).toContain("RAG status: Amber");
    expect(text).toContain(`Why: ${project.ragReason}`);
    expect(text).toContain(`Path to green: ${project.pathToGreen}`);
    expect(text).toContain("Changed: from Green on Mon 16 Nov 2026");
    expect(recap.html).toMatch(/<strong>RAG status:<\/strong> <span style="[^"]*background:#ffb900;[^"]*">Amber<\/span>/);
  });

  it("lists milestones achieved and upcoming, the next tasks, and the go-live countdown", () => {
    expect(text).toContain("Milestones achieved - Payments file format agreed Achieved Wed 18 Nov 2026");
    expect(text).toContain("Upcoming milestones - UAT round 1 complete Planned Fri 4 Dec 2026");
    expect(text).toContain("Next tasks - Load test bills for cycle 3 Priya Raman · due Wed 25 Nov 2026");
    expect(text).toContain("- [past due] [blocked] Configure bill print export");
    expect(text).toContain("Go-live 43 days to go-live — Tue 5 Jan 2027");
  });

  it("gives the bullet points discussed under their agenda items, in agenda order", () => {
    expect(text).toContain(
      "Status report - Rejects file spec slipped a week; Riverbend sends the final draft Friday " +
        "RAID log - Agreed to split UAT into two rounds - Bill print vendor joins the next call Q&A Discussed; no notes were taken.",
    );
    expect(text).not.toContain("Hot topics");
  });

  it("writes down decisions with who decided and when", () => {
    expect(text).toContain("DECISIONS ========= - Split UAT into two rounds (adds 16 hours to the plan) Decided by Rachel Stone on Mon 23 Nov 2026");
  });

  it("gives each action item its owner, due date and dependency sentence", () => {
    expect(text).toContain(
      "- Final rejects file spec Tom Alvarez provides the rejects file spec to Priya Raman before UAT round 1 Owner: Tom Alvarez · Due Fri 4 Dec 2026",
    );
    expect(recap.html).toContain("Tom Alvarez provides the rejects file spec to Priya Raman before UAT round 1");
    expect(text).toContain("- [closed] Send the UAT test plan");
  });

  it("logs an issue with who reported it, when, where and how to reproduce", () => {
    expect(text).toContain("Reported by Rachel Stone on Fri 20 Nov 2026, 09:05 EST");
    expect(text).toContain("Where: Payments > Reversals batch");
    expect(text).toContain("How to reproduce: Post a payment, reverse it the same day, run the nightly batch");
    expect(recap.html).toContain("Where: Payments &gt; Reversals batch");
  });

  it("lists each item once (no 'RAID log changes' repeat), counts the carried-over ones, and names the next call", () => {
    expect(text).not.toContain("RAID LOG CHANGES");
    expect(text).not.toMatch(/New \(\d+\)/);
    expect(text.split("Final rejects file spec")).toHaveLength(2);
    expect(text).toContain("[closed] Send the UAT test plan Owner: Dana Whitfield · Due Fri 20 Nov 2026 1 item carried over unchanged from earlier calls.");
    expect(text).toContain("NEXT CALL ========= Mon 30 Nov 2026, 10:00 EST (New York) — Riverbend weekly status");
  });

  it("says 'on track' and no path to green when the project is green", () => {
    const green = composeRecap(customerStatusInput({ project: { ...project, rag: "green", previousRag: null, ragChangedAt: null } }));

    expect(flat(green.text)).toContain("RAG status: Green On track.");
    expect(green.text).not.toContain("Path to green");
    expect(green.html).toContain(">Green</span>");
  });
});

describe("composeRecap: steering committee", () => {
  const recap = composeRecap(
    customerStatusInput({
      callType: "steering_committee",
      agenda: steeringAgenda,
      meeting: {
        ...customerStatusInput().meeting,
        subject: "Riverbend steering committee",
        attendees: [dana, grace, elena, rachel].map(attendee),
      },
    }),
  );
  const text = flat(recap.text);

  it("carries the stakeholder report: RAG, milestones, go-live, top risks", () => {
    expect(text).toContain("STAKEHOLDER REPORT");
    expect(text).toContain("RAG status: Amber");
    expect(text).toContain(`Path to green: ${project.pathToGreen}`);
    expect(text).toContain("Milestones - [upcoming] UAT round 1 complete");
    expect(text).toContain("Go-live 43 days to go-live — Tue 5 Jan 2027");
    expect(text).toContain("Top risks - Bill print vendor may miss go-live Owner: Dana Whitfield · Due Tue 15 Dec 2026");
    expect(text).not.toContain("Next tasks");
    expect(text).not.toContain("STATUS REPORT");
  });

  it("goes to the attendees only", () => {
    expect(recap.to.map((r) => r.email)).toEqual([grace.email, elena.email, rachel.email]);
    expect(recap.cc).toEqual([]);
  });
});

describe("composeRecap: internal status call", () => {
  const input = customerStatusInput({
    callType: "internal_status",
    agenda: internalAgenda,
    audience: "internal",
    meeting: { ...customerStatusInput().meeting, subject: "Riverbend internal sync", attendees: [marcus, priya].map(attendee) },
    sender: attendee(marcus),
    notes: [
      { ...notes[0]!, id: "u1", agendaItemKey: "stakeholder_updates", body: "Priya: cycle 3 bills loaded\nMarcus: print export blocked on vendor" },
    ],
  });
  const recap = composeRecap(input);
  const text = flat(recap.text);

  it("gives the round of updates and the RAID review with missing and late due dates", () => {
    expect(text).toContain("Round of stakeholder updates - Priya: cycle 3 bills loaded - Marcus: print export blocked on vendor");
    expect(text).toMatch(/RAID LOG REVIEW =+ 4 open items: 0 past due, 1 without a due date\./);
    expect(text).toContain("[internal only] [no due date] Risk: Margin at risk if we absorb the CR hours");
  });

  it("copies the PM who did not attend", () => {
    expect(recap.to).toEqual([attendee(priya)]);
    expect(recap.cc).toEqual([attendee(dana)]);
    expect(recap.audience).toBe("internal");
  });

  it("flags past-due open items against today in the recap's time zone", () => {
    const late = composeRecap({ ...input, now: new Date("2026-12-05T12:00:00.000Z") });

    expect(flat(late.text)).toContain("- [past due] Final rejects file spec");
  });
});

describe("composeRecap: empty states", () => {
  const recap = composeRecap(customerStatusInput({ notes: [], items: [], nextCall: null }));
  const text = flat(recap.text);

  it("says plainly what was not captured", () => {
    for (const sentence of [
      "No discussion notes were captured.",
      "No decisions were recorded.",
      "No action items were captured.",
      "No risks or issues were recorded.",
      "No next call is scheduled yet.",
    ]) {
      expect(text).toContain(sentence);
      expect(recap.html).toContain(sentence);
    }
  });

  it("shows an item with notes even when nobody ticked it discussed, and keeps stray notes", () => {
    const loose = composeRecap(
      customerStatusInput({
        notes: [
          { ...notes[0]!, id: "x1", agendaItemKey: "retired_item", body: "Asked about paperless billing" },
          { ...notes[0]!, id: "x2", agendaItemKey: "hot_topics", body: "Bill print vendor escalation", discussed: false },
        ],
      }),
    );

    expect(flat(loose.text)).toContain("Hot topics - Bill print vendor escalation");
    expect(flat(loose.text)).toContain("Other notes - Asked about paperless billing");
  });

  it("notes a missing go-live date and leaves missing decision details out", () => {
    const bare = composeRecap(
      customerStatusInput({ project: { ...project, goLiveDate: null }, items: [{ ...items[2]!, decidedBy: null, decidedAt: null }] }),
    );

    expect(flat(bare.text)).toContain("Go-live No go-live date is set yet.");
    expect(flat(bare.text)).toContain("DECISIONS ========= - Split UAT into two rounds (adds 16 hours to the plan) ACTION ITEMS");
    expect(bare.text).not.toMatch(/not recorded/);
  });
});
