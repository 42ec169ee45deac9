import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { RequestIdentity } from "../../../server/auth/verifyTeamsToken";
import {
  createLocalOutboxGateway,
  type OutboxInviteRecord,
  type OutboxMessageRecord,
  type OutboxStore,
} from "../../../server/graph/localOutboxGateway";
import { recurrenceFor } from "../../../server/graph/recurrenceFor";

/** The contract the database store must keep: idempotent by recapId and transactionId. */
function memoryStore() {
  const messages = new Map<string, OutboxMessageRecord>();
  const invites = new Map<string, OutboxInviteRecord>();
  const store: OutboxStore = {
    saveMessage(record) {
      const kept = messages.get(record.recapId) ?? record;
      messages.set(record.recapId, kept);
      return Promise.resolve({ messageId: kept.messageId, sentAt: kept.createdAt });
    },
    saveInvite(record) {
      const kept = invites.get(record.transactionId) ?? record;
      invites.set(record.transactionId, kept);
      return Promise.resolve({ eventId: kept.eventId, iCalUId: kept.iCalUId });
    },
  };
  return { store, messages, invites };
}

const identity: RequestIdentity = { tenantId: "t", userId: "u", name: "Pat Manager", email: "pat@contoso.example", token: "x" };
const clock = () => new Date("2026-11-24T15:00:00Z");

describe("localOutboxGateway", () => {
  it("stores a recap as an .eml with both parts, once per recap", async () => {
    const { store, messages } = memoryStore();
    const gateway = createLocalOutboxGateway({ store, clock });
    const input = {
      recapId: "r/42",
      to: [{ email: "dana@customer.example", name: "Dana" }],
      cc: [],
      subject: "Recap",
      html: "<p>Hi</p>",
      text: "Hi",
    };
    const first = await gateway.sendRecap(identity, input);
    const again = await gateway.sendRecap(identity, input);

    expect(first).toEqual({ messageId: "recap.r_42@callbook.local", sentAt: "2026-11-24T15:00:00.000Z" });
    expect(again).toEqual(first);
    expect(messages.size).toBe(1);
    const eml = messages.get("r/42")?.eml ?? "";
    expect(eml).toContain("Message-ID: <recap.r_42@callbook.local>");
    expect(eml).toContain("From: Pat Manager <pat@contoso.example>");
    expect(eml).toContain("Content-Type: text/plain; charset=utf-8");
    expect(eml).toContain("Content-Type: text/html; charset=utf-8");
  });

  it("stores a series as an .ics invitation that ical.js reads, once per transactionId", async () => {
    const { store, invites } = memoryStore();
    const gateway = createLocalOutboxGateway({ store, clock });
    const input = {
      transactionId: "tx-9",
      subject: "Riverbend triage",
      bodyHtml: "<p>Open defects &amp; blockers</p><script>x()</script>",
      ...recurrenceFor("triage", { from: "2026-12-01" }),
      attendees: [{ email: "dana@customer.example", name: "Dana", type: "required" as const }],
    };
    const created = await gateway.createSeries(identity, input);
    await gateway.createSeries(identity, input);

    expect(created).toEqual({ eventId: "outbox-series.tx-9@callbook.local", iCalUId: "series.tx-9@callbook.local", joinUrl: null });
    expect(invites.size).toBe(1);
    const calendar = new ICAL.Component(ICAL.parse(invites.get("tx-9")?.ics ?? ""));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
    expect(event.uid).toBe("series.tx-9@callbook.local");
    expect(event.description).toBe("Open defects & blockers");
    expect(event.organizer).toBe("mailto:pat@contoso.example");
  });

  it("knows no calendars or chats", async () => {
    const gateway = createLocalOutboxGateway({ store: memoryStore().store });
    expect(await gateway.getOutOfOffice(identity, ["a@b.example"], "2026-12-01")).toEqual(new Set());
    expect(await gateway.findOnlineMeetingByChat(identity, "19:x@thread.v2")).toBeNull();
  });
});
