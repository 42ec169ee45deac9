import { randomUUID } from "node:crypto";
import { demoMeetingId, demoProjectId } from "../../support/testApp";
import { hostile, type BadCase, type KnownIds } from "./badInputCorpus";

// The bad-input corpus, part two: field by field for the side panel's own routes (meetings, link,
// capture, recap, series, outbox): wrong types, missing fields, over-long and NUL-carrying text,
// impossible dates, hostile strings where ids, enums and numbers go. Every case is invalid as a
// whole, so nothing may be written.

type Kind = "uuid" | "text" | "optText" | "date" | "datetime" | "enum" | "bool" | "int" | "time";

const huge = "y".repeat(200 * 1024);

const badValues: Record<Kind, [string, unknown][]> = {
  uuid: [["number", 42], ["malformed", "not-a-uuid"], ["SQL", hostile.sql], ["HTML", hostile.html], ["unicode", hostile.unicode]],
  text: [["number", 42], ["array", ["a"]], ["object", { a: 1 }], ["empty", ""], ["blank", "   "], ["200 KB", huge], ["NUL byte", hostile.nul]],
  /** Optional text: empty is a valid value there. */
  optText: [["number", 42], ["array", ["a"]], ["object", { a: 1 }], ["200 KB", huge], ["NUL byte", hostile.nul]],
  date: [["Feb 30", "2026-02-30"], ["month 13", "2026-13-01"], ["year 0", "0000-01-01"], ["d/m/y", "31/12/2026"], ["word", "yesterday"], ["number", 20261231], ["SQL", hostile.sql]],
  datetime: [["hour 25", "2026-12-31T25:00:00Z"], ["date only", "2026-12-31"], ["year 0", "0000-01-01T00:00:00Z"], ["word", "now"], ["HTML", hostile.html]],
  enum: [["unknown", "nonsense"], ["wrong case", "ACTION"], ["HTML", hostile.html], ["unicode", hostile.unicode], ["number", 1]],
  bool: [["string", "true"], ["number", 1], ["word", "yes"]],
  int: [["string", "5"], ["fraction", 1.5], ["negative", -1], ["huge", 1e15], ["NaN string", "NaN"]],
  time: [["hour 25", "25:00"], ["no colon", "1000"], ["HTML", hostile.html]],
};

interface FieldSpec {
  route: string;
  path: string;
  method: string;
  /** A valid body (fresh ids each call); each case breaks one field of it. */
  valid: () => Record<string, unknown>;
  fields: Record<string, Kind>;
  required: string[];
}

function specs(known: KnownIds): FieldSpec[] {
  const m = demoMeetingId("m_cust");
  const p = demoProjectId();
  const attendee = { email: "rachel.stone@riverbendutilities.com", name: "Rachel Stone", type: "required" };
  return [
    {
      route: "POST /api/meetings/:id/items", path: `/api/meetings/${m}/items`, method: "POST",
      valid: () => ({ id: randomUUID(), kind: "action", title: "Bad input drill" }),
      fields: { id: "uuid", kind: "enum", title: "text", description: "optText", ownerId: "uuid", dueDate: "date", internalOnly: "bool", area: "enum", provider: "optText", decidedAt: "datetime", reportedAt: "datetime", reproSteps: "optText" },
      required: ["id", "kind", "title"],
    },
    {
      route: "PATCH /api/meetings/:id/items/:itemId", path: `/api/meetings/${m}/items/${known.itemId}`, method: "PATCH",
      valid: () => ({ version: 1, title: "Bad input drill (edited)" }),
      fields: { version: "int", title: "text", ownerId: "uuid", dueDate: "date", status: "enum", internalOnly: "bool" },
      required: ["version"],
    },
    {
      route: "POST /api/meetings/:id/notes", path: `/api/meetings/${m}/notes`, method: "POST",
      valid: () => ({ id: randomUUID(), agendaItemKey: "raid", body: "Bad input drill note" }),
      fields: { id: "uuid", agendaItemKey: "text", body: "text", internalOnly: "bool" },
      required: ["id", "agendaItemKey", "body"],
    },
    {
      route: "PATCH /api/meetings/:id/notes/:noteId", path: `/api/meetings/${m}/notes/${known.noteId}`, method: "PATCH",
      valid: () => ({ version: 1, body: "Edited by the drill" }),
      fields: { version: "int", body: "text", internalOnly: "bool" },
      required: ["version"],
    },
    {
      route: "PUT /api/meetings/:id/agenda-state", path: `/api/meetings/${m}/agenda-state`, method: "PUT",
      valid: () => ({ agendaItemKey: "raid", discussed: true }),
      fields: { agendaItemKey: "text", discussed: "bool", current: "bool" },
      required: ["agendaItemKey"],
    },
    {
      route: "PUT /api/meetings/:id/call-type", path: `/api/meetings/${m}/call-type`, method: "PUT",
      valid: () => ({ callType: "triage" }),
      fields: { callType: "enum" },
      required: ["callType"],
    },
    {
      route: "PUT /api/meetings/link", path: "/api/meetings/link", method: "PUT",
      valid: () => ({ chatId: `19:drill_${randomUUID()}@thread.v2`, projectId: p, callType: null, subject: "Drill call" }),
      fields: { chatId: "text", joinUrl: "text", iCalUId: "text", projectId: "uuid", callType: "enum", subject: "text", startsAt: "datetime", endsAt: "datetime" },
      required: ["projectId", "callType", "chatId"],
    },
    {
      route: "POST /api/meetings/:id/recap/send", path: `/api/meetings/${m}/recap/send`, method: "POST",
      valid: () => ({ id: randomUUID(), subject: "Drill recap", sendBeforeStart: true }),
      fields: { id: "uuid", subject: "text", intro: "optText", audience: "enum" },
      required: ["id"],
    },
    {
      route: "POST /api/projects/:id/series", path: `/api/projects/${p}/series`, method: "POST",
      valid: () => ({ id: randomUUID(), callType: "customer_status", subject: "Drill series", from: "2026-12-01", attendees: [attendee] }),
      fields: { id: "uuid", callType: "enum", subject: "text", from: "date", startTime: "time", durationMinutes: "int", occurrences: "int", attendees: "text" },
      required: ["id", "callType", "subject", "from", "attendees"],
    },
  ];
}

/** Queries of the GET routes that take one, broken one way at a time. */
function queryCases(): BadCase[] {
  const m = demoMeetingId("m_cust");
  const p = demoProjectId();
  const q: [string, string, string][] = [
    ["GET /api/meetings", "/api/meetings", "from=2026-13-45T00:00:00Z"],
    ["GET /api/meetings", "/api/meetings", "from=0000-01-01T00:00:00Z"],
    ["GET /api/meetings", "/api/meetings", "to=tomorrow"],
    ["GET /api/meetings", "/api/meetings", "limit=0"],
    ["GET /api/meetings", "/api/meetings", "limit=abc"],
    ["GET /api/meetings", "/api/meetings", "limit=1&limit=2"],
    ["GET /api/meetings", "/api/meetings", `unexpected=${encodeURIComponent(hostile.sql)}`],
    ["GET /api/meetings/by-chat", "/api/meetings/by-chat", ""],
    ["GET /api/meetings/by-chat", "/api/meetings/by-chat", `chatId=${"c".repeat(301)}`],
    ["GET /api/meetings/by-chat", "/api/meetings/by-chat", `chatId=${encodeURIComponent(hostile.nul)}`],
    ["GET /api/meetings/by-chat", "/api/meetings/by-chat", "chatId=a&chatId=b"],
    ["GET /api/meetings/lookup", "/api/meetings/lookup", `joinUrl=${encodeURIComponent(hostile.nul)}`],
    ["GET /api/meetings/lookup", "/api/meetings/lookup", `iCalUId=${encodeURIComponent(hostile.nul)}`],
    ["GET /api/meetings/lookup", "/api/meetings/lookup", `subject=${encodeURIComponent(hostile.nul)}&start=2026-11-18T14:00:00Z`],
    ["GET /api/meetings/lookup", "/api/meetings/lookup", "subject=x&start=not-a-date"],
    ["GET /api/meetings/lookup", "/api/meetings/lookup", `unexpected=${encodeURIComponent(hostile.html)}`],
    ["GET /api/meetings/:id/recap", `/api/meetings/${m}/recap`, "audience=everyone"],
    ["GET /api/meetings/:id/recap", `/api/meetings/${m}/recap`, `audience=${encodeURIComponent(hostile.sql)}`],
    ["GET /api/projects/:id/series/draft", `/api/projects/${p}/series/draft`, ""],
    ["GET /api/projects/:id/series/draft", `/api/projects/${p}/series/draft`, "callType=nonsense"],
    ["GET /api/projects/:id/series/draft", `/api/projects/${p}/series/draft`, "callType=customer_status&from=2026-02-30"],
    ["GET /api/projects/:id/series/draft", `/api/projects/${p}/series/draft`, "callType=customer_status&from=0000-01-01"],
    ["GET /api/outbox", "/api/outbox", "limit=0"],
    ["GET /api/outbox", "/api/outbox", "limit=101"],
    ["GET /api/outbox", "/api/outbox", `limit=${encodeURIComponent(hostile.unicode)}`],
    ["GET /api/outbox", "/api/outbox", "unexpected=1"],
  ];
  return q.map(([route, path, query]) => ({ route, method: "GET", label: `?${query.slice(0, 60) || "(nothing)"}`, path: query ? `${path}?${query}` : path }));
}

export function fieldCases(known: KnownIds): BadCase[] {
  const cases: BadCase[] = [...queryCases()];
  for (const spec of specs(known)) {
    for (const [field, kind] of Object.entries(spec.fields)) {
      for (const [label, value] of badValues[kind]) {
        const body = { ...spec.valid(), [field]: value };
        cases.push({ route: spec.route, method: spec.method, path: spec.path, label: `${field}: ${label}`, body: { json: body } });
      }
    }
    for (const field of spec.required) {
      const body: Record<string, unknown> = spec.valid();
      delete body[field];
      cases.push({ route: spec.route, method: spec.method, path: spec.path, label: `missing ${field}`, body: { json: body } });
    }
  }
  // The link body needs one of chatId, joinUrl, iCalUId.
  cases.push({ route: "PUT /api/meetings/link", method: "PUT", path: "/api/meetings/link", label: "no chatId, joinUrl or iCalUId", body: { json: { projectId: demoProjectId(), callType: null } } });
  return cases;
}
