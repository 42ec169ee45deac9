import type { QueueDto, QueueEntryDto } from "../../../contracts/queue";
import type { PanelDates } from "../panel/dates/panelDates";

/** Which group an owed message is shown in, and the badge it carries: "late", "due" (today) or "upcoming". */
export type ViewerGroup = "late" | "due" | "upcoming";

/**
 * The group of one entry for this viewer, from its due instant and the viewer's own day:
 * "late" when the runbook says so or its due instant (`dueAt`, ISO 8601) has passed at `nowMs`
 * (ms since the epoch, the server's clock); "due" when its due instant falls on the viewer's
 * today in their zone (`dates.today`, the one formatter's zone); else "upcoming". A message whose
 * window is open but that is due tomorrow in the viewer's zone is upcoming, not "due today".
 */
export function viewerGroupOf(entry: Pick<QueueEntryDto, "dueAt" | "state">, nowMs: number, dates: Pick<PanelDates, "today">): ViewerGroup {
  const dueMs = Date.parse(entry.dueAt);
  if (entry.state === "late" || dueMs < nowMs) return "late";
  return dates.today(dueMs) === dates.today(nowMs) ? "due" : "upcoming";
}

/**
 * Regroups the server's queue (grouped on the runbook's New York day) on the viewer's day:
 * late / due today / upcoming, each kept in due order. Pure; throws nothing.
 */
export function groupForViewer(queue: QueueDto, nowMs: number, dates: Pick<PanelDates, "today">): QueueDto {
  const all = [...queue.late, ...queue.dueToday, ...queue.upcoming].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const of = (g: ViewerGroup) => all.filter((e) => viewerGroupOf(e, nowMs, dates) === g);
  return { late: of("late"), dueToday: of("due"), upcoming: of("upcoming") };
}
