import { addDays, formatLongDate, weekdayOf } from "../isoDates";
import type { IsoDate } from "../../../contracts/types";
import { addWorkingDays } from "../workingDays";

// Reminders to the people who own actions (issue 17 §2; seed 003: "never have a customer wait …
// if you promise an update within a specific period, provide it"): one digest a day at most per
// owner, listing their open actions across projects that fall due within `leadWorkingDays` or are
// past due. No digest on weekends or public holidays of the person's region (US by default).

export const DEFAULT_LEAD_WORKING_DAYS = 2;
export const DEFAULT_REGION = "US";
export const DEFAULT_TIME_ZONE = "America/New_York";

export interface ReminderPerson {
  id: string;
  name: string;
  email: string;
  organisation: "internal" | "customer" | "vendor";
  /** IANA zone the person's day is counted in; the runbook's zone when unknown. */
  timeZone: string;
  /** date-holidays country code ("US", "GB", "DE"…); US when unknown. */
  region: string;
}

export interface ReminderAction {
  id: string;
  projectId: string;
  projectName: string;
  title: string;
  dueDate: IsoDate;
  ownerId: string;
  internalOnly: boolean;
  /** The call the action came from, when it was captured in one. */
  callSubject: string | null;
  callDate: IsoDate | null;
}

export interface DigestLine extends ReminderAction {
  pastDue: boolean;
}

export interface Digest {
  person: ReminderPerson;
  localDate: IsoDate;
  subject: string;
  lines: DigestLine[];
  projectIds: string[];
}

/** The calendar date of `now` in `timeZone` (IANA). Throws RangeError for an unknown zone. */
export function localDateOf(now: Date, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Whether `date` is a public holiday in `region` (a date-holidays country code): see publicHolidays.ts. */
export type PublicHolidayTest = (date: IsoDate, region: string) => boolean;

/** Whether reminders may go out on `date` in `region`: Monday to Friday and not a public holiday. */
export function isReminderDay(date: IsoDate, region: string, isPublicHoliday: PublicHolidayTest): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(date, region);
}

/**
 * The digest `person` is owed on their local date at `now`, or null (weekend, holiday, nothing
 * due). Lists their own open actions due within `leadWorkingDays` working days or past due, in
 * projects they did not mute; an external person (customer, vendor) gets only customer-safe
 * items. `actions` may hold anyone's actions: only the person's own are taken. `isPublicHoliday`
 * is the region's calendar (services/reminders/publicHolidays.ts in production).
 */
export function buildDigest(
  person: ReminderPerson,
  actions: readonly ReminderAction[],
  now: Date,
  mutedProjectIds: ReadonlySet<string>,
  isPublicHoliday: PublicHolidayTest,
  leadWorkingDays = DEFAULT_LEAD_WORKING_DAYS,
): Digest | null {
  const localDate = localDateOf(now, person.timeZone);
  if (!isReminderDay(localDate, person.region, isPublicHoliday)) return null;
  const holidays = Array.from({ length: leadWorkingDays * 2 + 7 }, (_, i) => addDays(localDate, i + 1)).filter((d) => isPublicHoliday(d, person.region));
  const horizon = addWorkingDays(localDate, leadWorkingDays, holidays);
  const external = person.organisation !== "internal";
  const lines = actions
    .filter((a) => a.ownerId === person.id && !mutedProjectIds.has(a.projectId) && !(external && a.internalOnly) && a.dueDate <= horizon)
    .map((a) => ({ ...a, pastDue: a.dueDate < localDate }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.projectName.localeCompare(b.projectName) || a.title.localeCompare(b.title));
  if (lines.length === 0) return null;
  const late = lines.filter((l) => l.pastDue).length;
  return {
    person,
    localDate,
    subject: `Your actions: ${lines.length} open${late ? `, ${late} past due` : ""} (${formatLongDate(localDate)})`,
    lines,
    projectIds: [...new Set(lines.map((l) => l.projectId))],
  };
}
