import { describe, expect, it } from "vitest";
import { buildAgenda } from "../../../server/domain/buildAgenda";
import type { AgendaItem } from "../../../contracts/agenda";
import type { ProjectSnapshot } from "../../../contracts/types";
import { makeRaid, makeTask, riverbendSnapshot } from "./fixtures";

// The daily status check's "issues found or resolved today" and each team's "done today" are the
// project's day (the PM's zone, US Eastern by default), not the UTC day.

const issue = (id: string, title: string, createdAt: string) => makeRaid(id, "issue", title, "marcus", null, { createdAt });
const doneTask = (id: string, name: string, updatedAt: string) => ({ ...makeTask(id, name, "tom", null, "done"), updatedAt });

function snapshotWith(pmTimeZone: string | null, issues: ReturnType<typeof issue>[], done: ReturnType<typeof doneTask>[]): ProjectSnapshot {
  const base = riverbendSnapshot();
  return {
    ...base,
    people: base.people.map((p) => (p.id === "dana" && pmTimeZone ? { ...p, timeZone: pmTimeZone } : p)),
    raidItems: issues,
    supportCases: [],
    recentlyDoneTasks: done,
  };
}

function item(snapshot: ProjectSnapshot, now: string, key: string): AgendaItem {
  const found = buildAgenda("daily_status_check", snapshot, { meetings: [] }, new Date(now)).items.find((i) => i.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
}
const texts = (i: AgendaItem) => i.lines.map((l) => l.text);
const ourTeam = (i: AgendaItem) => i.lines.find((l) => l.text === "Our team")?.detail ?? "";

describe("agenda 'today' is the project's day, not UTC", () => {
  it("10 pm in New York (03:00Z the next day): an issue logged at 3 pm and a task done at 4 pm New York are today's", () => {
    const snapshot = snapshotWith(null, [issue("i1", "Autopay file rejected", "2026-11-25T20:00:00.000Z")], [doneTask("t1", "Load UAT accounts", "2026-11-25T21:00:00.000Z")]);
    expect(texts(item(snapshot, "2026-11-26T03:00:00.000Z", "issues_today"))).toEqual([expect.stringContaining("Autopay file rejected")]);
    expect(ourTeam(item(snapshot, "2026-11-26T03:00:00.000Z", "team_updates"))).toMatch(/^Done today: Load UAT accounts ·/);
  });

  it("7 am in New York (12:00Z): an issue logged and a task done at 10 pm the evening before are not today's", () => {
    const snapshot = snapshotWith(null, [issue("i2", "Duplicate e-bill e-mails", "2026-11-25T03:00:00.000Z")], [doneTask("t2", "Map test accounts", "2026-11-25T03:30:00.000Z")]);
    expect(item(snapshot, "2026-11-25T12:00:00.000Z", "issues_today").lines).toEqual([]);
    expect(ourTeam(item(snapshot, "2026-11-25T12:00:00.000Z", "team_updates"))).toMatch(/^Done today: nothing recorded ·/);
  });

  it("a PM in Kolkata at 01:30 IST: what was logged at 22:30 IST the day before is not today's; 00:45 IST is", () => {
    const snapshot = snapshotWith(
      "Asia/Kolkata",
      [issue("i3", "SFTP key expired", "2026-11-25T17:00:00.000Z"), issue("i4", "Balance file late", "2026-11-25T19:15:00.000Z")],
      [],
    );
    expect(texts(item(snapshot, "2026-11-25T20:00:00.000Z", "issues_today"))).toEqual([expect.stringContaining("Balance file late")]);
  });
});
