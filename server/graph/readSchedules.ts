import { z } from "zod";
import type { RequestIdentity } from "../auth/verifyTeamsToken";
import { addDays } from "../domain/isoDates";
import type { IsoDate } from "../../contracts/types";
import { EASTERN_TIME_ZONE, instantAt } from "../domain/zonedTime";
import type { GraphRequester } from "./graphRequester";
import { GraphRequestFailed, type GraphDayOfWeek, type Interval, type MailboxSchedule, type MailboxWorkingHours } from "./MailCalendarGateway";
import { ianaZoneFor } from "./timeZoneFor";

/**
 * Out of office from Microsoft Graph `POST /me/calendar/getSchedule`
 * (https://learn.microsoft.com/graph/api/calendar-getschedule).
 *
 * - The window is asked in UTC, and `Prefer: outlook.timezone="UTC"` makes Graph answer every
 *   `scheduleItems` time in UTC too, so a custom zone ("tzone://Microsoft/Custom",
 *   "Customized Time Zone") never has to be mapped.
 * - Each answer carries the mailbox's `workingHours` with its own zone (a Windows or IANA name,
 *   mapped through CLDR); a custom zone there gives `timeZone: null`.
 */

const utcTimes = { Prefer: 'outlook.timezone="UTC"' };
const BATCH = 20;
const dayNames: GraphDayOfWeek[] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().nullish() });
/** Graph's workingHours, as getSchedule and mailboxSettings both answer it. */
const workingHoursAnswer = z.object({
  daysOfWeek: z.array(z.string()).nullish(),
  startTime: z.string().nullish(),
  endTime: z.string().nullish(),
  timeZone: z.object({ name: z.string().nullish() }).nullish(),
});
const scheduleAnswer = z.object({
  value: z.array(
    z.object({
      scheduleId: z.string(),
      availabilityView: z.string().nullish(),
      error: z.object({ responseCode: z.string().nullish() }).nullish(),
      scheduleItems: z.array(z.object({ status: z.string().nullish(), start: dateTimeTimeZone, end: dateTimeTimeZone })).nullish(),
      workingHours: workingHoursAnswer.nullish(),
    }),
  ),
});

/** Graph's "2026-12-03T17:00:00.0000000" with the asked UTC zone, as an instant. */
function utcInstant(value: { dateTime: string; timeZone?: string | null | undefined }): Date {
  const zone = value.timeZone ?? "UTC";
  if (zone !== "UTC" && zone !== "Etc/UTC") throw new Error(`getSchedule answered in ${zone}, not UTC`);
  const ms = Date.parse(`${value.dateTime.slice(0, 19)}Z`);
  if (Number.isNaN(ms)) throw new Error(`getSchedule gave a bad time "${value.dateTime}"`);
  return new Date(ms);
}

function zoneOrNull(name: string | null | undefined): string | null {
  if (!name) return null;
  try {
    return ianaZoneFor(name);
  } catch {
    return null;
  }
}

const mailboxSettingsAnswer = z.object({
  timeZone: z.string().nullish(),
  workingHours: workingHoursAnswer.nullish(),
});

/**
 * The signed-in user's zone and working hours: `GET /me/mailboxSettings`
 * (https://learn.microsoft.com/graph/api/user-get-mailboxsettings). Needs MailboxSettings.Read;
 * a refusal (403) answers null, so the caller falls back to the zone it has.
 */
export async function readMailboxSettings(graph: GraphRequester, identity: RequestIdentity): Promise<{ timeZone: string | null; workingHours: MailboxWorkingHours | null } | null> {
  try {
    const raw = mailboxSettingsAnswer.parse(
      await graph.call(identity, { operation: "getMailboxSettings", method: "GET", path: "/me/mailboxSettings?$select=timeZone,workingHours", policy: "safe" }),
    );
    const workingHours = workingHoursOf(raw.workingHours);
    return { timeZone: zoneOrNull(raw.timeZone) ?? workingHours?.timeZone ?? null, workingHours };
  } catch (error) {
    if (error instanceof GraphRequestFailed && (error.status === 403 || error.status === 404)) return null;
    throw error;
  }
}

function workingHoursOf(raw: z.infer<typeof workingHoursAnswer> | null | undefined): MailboxWorkingHours | null {
  if (!raw?.startTime || !raw.endTime) return null;
  return {
    startTime: raw.startTime.slice(0, 5),
    endTime: raw.endTime.slice(0, 5),
    daysOfWeek: (raw.daysOfWeek ?? []).filter((d): d is GraphDayOfWeek => (dayNames as string[]).includes(d)),
    timeZone: zoneOrNull(raw.timeZone?.name),
  };
}

/** getSchedule for `emails` over `window`, 20 mailboxes a request. */
export async function readSchedules(graph: GraphRequester, identity: RequestIdentity, emails: string[], window: Interval): Promise<Map<string, MailboxSchedule>> {
  const unique = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const result = new Map<string, MailboxSchedule>();
  const iso = (d: Date) => d.toISOString().slice(0, 19);
  for (let i = 0; i < unique.length; i += BATCH) {
    const raw = await graph.call(identity, {
      operation: "getSchedule",
      method: "POST",
      path: "/me/calendar/getSchedule",
      headers: utcTimes,
      policy: "safe",
      body: {
        schedules: unique.slice(i, i + BATCH),
        startTime: { dateTime: iso(window.start), timeZone: "UTC" },
        endTime: { dateTime: iso(window.end), timeZone: "UTC" },
        availabilityViewInterval: 60,
      },
    });
    for (const schedule of scheduleAnswer.parse(raw).value) {
      if (schedule.error) continue;
      const email = schedule.scheduleId.toLowerCase();
      const outOfOffice = (schedule.scheduleItems ?? [])
        .filter((item) => item.status === "oof")
        .map((item) => ({ start: utcInstant(item.start), end: utcInstant(item.end) }));
      result.set(email, { email, outOfOffice, workingHours: workingHoursOf(schedule.workingHours) });
    }
  }
  return result;
}

const DEFAULT_HOURS: MailboxWorkingHours = { startTime: "09:00", endTime: "17:00", daysOfWeek: dayNames.slice(1, 6), timeZone: EASTERN_TIME_ZONE };

/** The working day `day` of a mailbox in its own zone (default 09:00–17:00 US Eastern, the runbook's zone). */
export function workingDayOf(hours: MailboxWorkingHours | null, day: IsoDate, fallbackZone: string = EASTERN_TIME_ZONE): Interval {
  const h = hours ?? DEFAULT_HOURS;
  const zone = h.timeZone ?? fallbackZone;
  const start = instantAt(day, h.startTime, zone);
  const endsNextDay = h.endTime <= h.startTime;
  return { start, end: instantAt(endsNextDay ? addDays(day, 1) : day, h.endTime, zone) };
}

/** Minutes of `a` covered by the union of `items`. */
export function minutesCovered(a: Interval, items: Interval[]): number {
  const clipped = items
    .map((i) => ({ start: Math.max(a.start.getTime(), i.start.getTime()), end: Math.min(a.end.getTime(), i.end.getTime()) }))
    .filter((i) => i.end > i.start)
    .sort((x, y) => x.start - y.start);
  let covered = 0;
  let reach = a.start.getTime();
  for (const i of clipped) {
    const from = Math.max(reach, i.start);
    if (i.end > from) covered += i.end - from;
    reach = Math.max(reach, i.end);
  }
  return covered / 60_000;
}

/** True when an out-of-office item overlaps the call (any overlap counts: the person misses part of it). */
export function overlapsAny(call: Interval, items: Interval[]): boolean {
  return items.some((i) => i.start < call.end && call.start < i.end);
}
