import { triageSlot } from "../../contracts/callTypeDefinitions";
import type { TriageSlotTimes } from "../../contracts/meetings";
import { addDays, weekdayNames } from "./isoDates";
import { dateIn, instantAt } from "./zonedTime";

/**
 * The triage slot ("Tuesdays and Thursdays 10–11 am Eastern", seed 001; `triageSlot` in
 * contracts/callTypeDefinitions) of the New York week (Sunday to Saturday) holding `on`, as
 * instants: one { startsAt, endsAt } (ISO 8601, UTC) per slot day, in day order. Each viewer's
 * screen shows them in their own zone (the front end's panelDates); the instants are computed
 * here for that week because New York's offset, and so a viewer's local time, changes with DST.
 * Pure: `on` is passed in. Wall clock → instant through zonedTime's one conversion.
 */
export function triageSlotWeek(on: Date): TriageSlotTimes {
  const today = dateIn(on, triageSlot.timeZone);
  const sunday = addDays(today, -new Date(`${today}T00:00:00Z`).getUTCDay());
  return triageSlot.weekdays.map((day) => {
    const date = addDays(sunday, weekdayNames.indexOf(day));
    return {
      startsAt: instantAt(date, triageSlot.start, triageSlot.timeZone).toISOString(),
      endsAt: instantAt(date, triageSlot.end, triageSlot.timeZone).toISOString(),
    };
  });
}
