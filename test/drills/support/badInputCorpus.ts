import { randomUUID } from "node:crypto";
import { demoId } from "../../../server/db/demo/seedDemo";
import { demoCases, demoChangeRequests, demoMilestones, demoRaid, demoTasks } from "../../../server/db/demo/demoSchedule";
import { demoMeetingId, demoProjectId } from "../../support/testApp";

// The bad-input corpus, part one: cases made for every route the app lists (so a route added
// later is covered too). Path parameters get malformed, hostile and unknown values; routes that
// take a body get bodies of the wrong shape, malformed JSON, the wrong content type and 1 MB.

export type CaseBody = { json: unknown } | { raw: string; type: string };

export interface BadCase {
  /** "POST /api/meetings/:id/items" */
  route: string;
  label: string;
  method: string;
  path: string;
  body?: CaseBody;
}

/** Ids that exist in the seeded demo (and rows made before the corpus runs): the "valid" values. */
export interface KnownIds {
  itemId: string;
  noteId: string;
  outboxId: string;
}

export const hostile = {
  sql: "1' OR '1'='1'; DROP TABLE raid_items; --",
  html: `<img src=x onerror=alert(1)><script>alert(1)</script>`,
  unicode: "ünïcødé ☃ 🙂 \u202e gnp.exe \ufeff",
  nul: "nul\u0000byte",
  long: "x".repeat(5000),
};

export const megabyteBody = (): CaseBody => ({ raw: JSON.stringify({ id: randomUUID(), title: "x".repeat(1024 * 1024) }), type: "application/json" });

function knownEntityId(segment: string): string {
  const first = <T extends { key: string }>(list: readonly T[]) => list[0]?.key ?? "";
  switch (segment) {
    case "change-requests":
      return demoId(`cr_${first(demoChangeRequests)}`);
    case "members":
      return demoId("member_dana_pm");
    case "milestones":
      return demoId(`milestone_${first(demoMilestones)}`);
    case "raid":
      return demoId(`raid_${first(demoRaid)}`);
    case "support-cases":
      return demoId(`case_${first(demoCases)}`);
    case "tasks":
      return demoId(`task_${first(demoTasks)}`);
    case "vendors":
      return demoId("vendor_cis");
    case "people":
      return demoId("person_dana");
    default:
      return randomUUID();
  }
}

/** A valid value for each parameter of a route, so that a request reaches its body's validation. */
export function validParams(route: string, known: KnownIds): Record<string, string> {
  const path = route.split(" ")[1] ?? "";
  const segments = path.split("/");
  const out: Record<string, string> = {};
  segments.forEach((seg, i) => {
    if (!seg.startsWith(":")) return;
    const name = seg.slice(1);
    const before = segments[i - 1] ?? "";
    if (name === "id") out[name] = before === "meetings" ? demoMeetingId("m_cust") : before === "outbox" ? known.outboxId : demoProjectId();
    else if (name === "itemId") out[name] = known.itemId;
    else if (name === "noteId") out[name] = known.noteId;
    else if (name === "entityId") out[name] = knownEntityId(before);
    else if (name === "kind") out[name] = before === "queue" ? "open_task_update" : "recap";
    else if (name === "file") out[name] = "raid.csv";
    else out[name] = randomUUID();
  });
  return out;
}

export function fill(route: string, params: Record<string, string>): string {
  const path = route.split(" ")[1] ?? "";
  return path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ""));
}

const badParamValues: [string, string][] = [
  ["malformed id", "not-a-uuid"],
  ["SQL", hostile.sql],
  ["HTML", hostile.html],
  ["unicode", hostile.unicode],
  ["NUL byte", hostile.nul],
  ["5,000 characters", hostile.long],
  ["unknown id", "unknown"],
];

const wrongBodies: [string, CaseBody][] = [
  ["body: array", { json: [1, 2, 3] }],
  ["body: string", { json: "a string" }],
  ["body: number", { json: 42 }],
  ["body: null", { raw: "null", type: "application/json" }],
  ["body: unknown key only", { json: { [`unexpected_${hostile.sql}`]: hostile.html } }],
  ["body: __proto__", { raw: `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}`, type: "application/json" }],
  ["body: malformed JSON", { raw: `{"id": "x", "title": `, type: "application/json" }],
  ["body: text/plain", { raw: "kind=action&title=hello", type: "text/plain" }],
  // 5,000 levels overflowed the validator's stack (500) before issue 13 §8.
  ["body: 5,000-deep objects", { raw: `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`, type: "application/json" }],
  ["body: 5,000-deep arrays", { raw: `${"[".repeat(5000)}${"]".repeat(5000)}`, type: "application/json" }],
  ["body: 5,000-deep in a field", { raw: `{"id":"00000000-0000-4000-8000-000000000001","title":${"[".repeat(5000)}"x"${"]".repeat(5000)}}`, type: "application/json" }],
];

/** Generic cases for one route. DELETE routes and GET routes only get bad parameters (never valid ids: nothing may be deleted). */
export function genericCases(route: string, known: KnownIds): BadCase[] {
  const [method = "GET"] = route.split(" ");
  const valid = validParams(route, known);
  const cases: BadCase[] = [];
  for (const name of Object.keys(valid)) {
    for (const [label, value] of badParamValues) {
      const bad = value === "unknown" ? (name === "kind" || name === "file" ? "no-such-thing" : randomUUID()) : value;
      cases.push({ route, method, label: `:${name} ${label}`, path: fill(route, { ...valid, [name]: bad }) });
    }
  }
  if (method === "POST" || method === "PUT" || method === "PATCH") {
    const path = fill(route, valid);
    for (const [label, body] of wrongBodies) cases.push({ route, method, label, path, body });
    cases.push({ route, method, label: "body: 1 MB", path, body: megabyteBody() });
  }
  return cases;
}
