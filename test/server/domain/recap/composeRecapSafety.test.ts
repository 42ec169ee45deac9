import { describe, expect, it } from "vitest";
import { composeRecap } from "../../../../server/domain/recap/composeRecap";
import {
  attendee,
  customerStatusInput,
  dana,
  flat,
  INTERNAL_NOTE,
  INTERNAL_RISK,
  internalAgenda,
  items,
  marcus,
  notes,
  priya,
  rachel,
} from "./recapFixtures";

const everywhere = (recap: { subject: string; html: string; text: string }): string =>
  `${recap.subject}\n${recap.html}\n${flat(recap.text)}`;

describe("composeRecap keeps internal-only content away from outsiders", () => {
  it("leaves internal notes and internal RAID items out of a customer recap, and counts them", () => {
    const recap = composeRecap(customerStatusInput());

    expect(recap.audience).toBe("external");
    const all = everywhere(recap);
    expect(all).not.toContain("absorb 6 hours");
    expect(all).not.toContain("Margin at risk");
    expect(all).not.toContain("internal only");
    expect(recap.omittedInternal).toBe(2);
    expect(flat(recap.text)).toContain("Agreed to split UAT into two rounds");
  });

  it("filters even when the caller says internal but a customer is among the recipients", () => {
    const recap = composeRecap(customerStatusInput({ audience: "internal" }));

    expect(recap.audience).toBe("external");
    expect(everywhere(recap)).not.toContain(INTERNAL_NOTE);
    expect(everywhere(recap)).not.toContain(INTERNAL_RISK);
    expect(recap.omittedInternal).toBe(2);
  });

  it("never shows the agenda's RAID lines, which may be internal-only", () => {
    const recap = composeRecap(customerStatusInput({ notes: [], items: [] }));

    expect(everywhere(recap)).not.toContain("Margin at risk");
    expect(recap.omittedInternal).toBe(0);
  });

  it("treats an address without a domain, or at a sub-domain, as outside the organisation", () => {
    const oddAttendees = [attendee(dana), attendee(marcus), { name: "Contractor", email: "sam@eu.contoso.com" }];
    const recap = composeRecap(
      customerStatusInput({ callType: "internal_status", agenda: internalAgenda, audience: "internal", meeting: { ...customerStatusInput().meeting, attendees: oddAttendees } }),
    );

    expect(recap.audience).toBe("external");
    expect(everywhere(recap)).not.toContain(INTERNAL_NOTE);
  });

  it("includes internal-only notes and items, labelled, when only colleagues receive it", () => {
    const internalNotes = [...notes, { ...notes[0]!, id: "n9", agendaItemKey: "raid_review", body: INTERNAL_NOTE, internalOnly: true }];
    const recap = composeRecap(
      customerStatusInput({
        callType: "internal_status",
        agenda: internalAgenda,
        audience: "internal",
        notes: internalNotes,
        meeting: { ...customerStatusInput().meeting, subject: "Riverbend internal sync", attendees: [dana, marcus, priya].map(attendee) },
      }),
    );

    expect(recap.audience).toBe("internal");
    expect(recap.omittedInternal).toBe(0);
    const text = flat(recap.text);
    expect(text).toContain(`[internal only] ${INTERNAL_NOTE}`);
    expect(text).toContain(`[internal only] Risk: ${INTERNAL_RISK}`);
    expect(text).toContain("Do not forward it outside the organisation");
    expect(recap.html).toContain("Margin at risk if we absorb the CR hours");
  });

  it("keeps the caller's external choice even when every recipient is internal", () => {
    const recap = composeRecap(
      customerStatusInput({ audience: "external", meeting: { ...customerStatusInput().meeting, attendees: [dana, marcus].map(attendee) } }),
    );

    expect(recap.audience).toBe("external");
    expect(recap.omittedInternal).toBe(2);
  });
});

describe("composeRecap escapes user text in HTML and leaves it alone in text", () => {
  const IMG = "<img src=x onerror=alert(1)>";
  const SCRIPT = `"><script>alert(1)</script>`;
  const OWNER = `O'Brien <script>alert("owner")</script>`;

  const hostile = () =>
    composeRecap(
      customerStatusInput({
        meeting: { ...customerStatusInput().meeting, subject: `Riverbend ${IMG} status`, attendees: [attendee(dana), { name: `Eve ${IMG}`, email: rachel.email }] },
        notes: [{ ...notes[0]!, body: `Customer pasted ${IMG} into the portal` }],
        items: [{ ...items[0]!, title: `Spec ${SCRIPT}`, ownerName: OWNER, provider: OWNER }],
        nextCall: { subject: `Follow-up ${SCRIPT}`, startsAt: "2026-11-30T15:00:00.000Z" },
      }),
    );

  it("has no live markup from the payloads in the HTML", () => {
    const { html } = hostile();

    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("Customer pasted &lt;img src=x onerror=alert(1)&gt; into the portal");
    expect(html).toContain("Spec &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("O&#39;Brien &lt;script&gt;alert(&quot;owner&quot;)&lt;/script&gt;");
    expect(html).toContain("<title>Recap: Riverbend &lt;img src=x onerror=alert(1)&gt; status — Mon 23 Nov 2026</title>");
    expect(html).toContain("Eve &lt;img src=x onerror=alert(1)&gt;");
  });

  it("shows the payloads verbatim in the text part and the subject", () => {
    const recap = hostile();
    const text = flat(recap.text);

    expect(recap.subject).toBe(`Recap: Riverbend ${IMG} status — Mon 23 Nov 2026`);
    expect(text).toContain(`Customer pasted ${IMG} into the portal`);
    expect(text).toContain(`Spec ${SCRIPT}`);
    expect(text).toContain(`Owner: ${OWNER}`);
    expect(text).toContain(`Follow-up ${SCRIPT}`);
  });

  it("is a complete e-mail document with inline styles only", () => {
    const { html } = composeRecap(customerStatusInput());

    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("</html>");
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/\sclass=/i);
  });

  it("keeps the subject on one line", () => {
    const recap = composeRecap(customerStatusInput({ meeting: { ...customerStatusInput().meeting, subject: "Riverbend\r\nBcc: eve@example.com" } }));

    expect(recap.subject).toBe("Recap: Riverbend Bcc: eve@example.com — Mon 23 Nov 2026");
  });
});
