import { describe, expect, it } from "vitest";
import type { QueueDto, QueueEntryDto } from "../../../contracts/queue";
import { panelDates } from "../../../src/features/panel/dates/panelDates";
import { groupForViewer } from "../../../src/features/queue/groupForViewer";

// The fresh user's home on Sunday 29 Nov: the sprint report, due Mon 30 Nov 17:00 New York
// (22:00 UTC) and already open (state "due"), sat under "Due today".
const entry = (title: string, dueAt: string, state: QueueEntryDto["state"]): QueueEntryDto => ({
  projectId: "p",
  projectName: "Riverbend Utilities e-billing implementation",
  kind: "sprint_report",
  title,
  dueAt,
  state,
  meetingId: null,
  reason: "",
});
const sprint = entry("Sprint report to Riverbend Utilities: sprint ending Sat 28 Nov 2026", "2026-11-30T22:00:00.000Z", "due");
const tell = entry("Tell the stakeholders: RAG turned amber", "2026-11-20T21:23:00.000Z", "late");
const server: QueueDto = { late: [tell], dueToday: [sprint], upcoming: [] };
const titles = (list: QueueEntryDto[]) => list.map((e) => e.title);
const viewer = (timeZone: string) => panelDates({ locale: "en-US", timeZone });

describe("the send queue grouped on the viewer's own day", () => {
  it("on Sunday 29 Nov a report due Monday is upcoming, not due today (the reported screen)", () => {
    const g = groupForViewer(server, Date.parse("2026-11-29T14:35:00Z"), viewer("Europe/London"));
    expect(titles(g.dueToday)).toEqual([]);
    expect(titles(g.upcoming)).toEqual([sprint.title]);
    expect(titles(g.late)).toEqual([tell.title]);
  });
  it("in New York it becomes due today at midnight New York time", () => {
    const ny = viewer("America/New_York");
    expect(titles(groupForViewer(server, Date.parse("2026-11-30T04:59:00Z"), ny).upcoming)).toEqual([sprint.title]); // Sun 23:59 EST
    expect(titles(groupForViewer(server, Date.parse("2026-11-30T05:01:00Z"), ny).dueToday)).toEqual([sprint.title]); // Mon 00:01 EST
  });
  it("in Kolkata it is due on Tuesday 1 Dec (03:30 IST), so due today only after midnight there", () => {
    const kolkata = viewer("Asia/Kolkata");
    expect(titles(groupForViewer(server, Date.parse("2026-11-30T18:29:00Z"), kolkata).upcoming)).toEqual([sprint.title]); // Mon 23:59 IST
    expect(titles(groupForViewer(server, Date.parse("2026-11-30T18:31:00Z"), kolkata).dueToday)).toEqual([sprint.title]); // Tue 00:01 IST
  });
  it("once its due instant has passed it is late, whatever the zone", () => {
    const g = groupForViewer(server, Date.parse("2026-11-30T22:01:00Z"), viewer("Asia/Kolkata"));
    expect(titles(g.late)).toEqual([tell.title, sprint.title]);
  });
});
