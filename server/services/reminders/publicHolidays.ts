import type { IsoDate } from "../../../contracts/types";
import type { PublicHolidayTest } from "../../domain/reminders/buildDigest";

// Public holidays from date-holidays (type "public" only, as banks and offices close), loaded on
// the first digest run that has someone to remind, not at start: with its astronomy and time-zone
// dependencies it is some 25 MB of RSS.

let loading: Promise<PublicHolidayTest> | null = null;

/** The public-holiday test for any date-holidays country code ("US", "GB", "DE"…); one calendar per region, kept. */
export function loadPublicHolidays(): Promise<PublicHolidayTest> {
  loading ??= import("date-holidays").then(({ default: Holidays }) => {
    const calendars = new Map<string, InstanceType<typeof Holidays>>();
    return (date: IsoDate, region: string) => {
      let calendar = calendars.get(region);
      if (!calendar) {
        calendar = new Holidays(region);
        calendars.set(region, calendar);
      }
      const year = Number(date.slice(0, 4));
      return calendar.getHolidays(year).some((h) => h.type === "public" && h.date.slice(0, 10) === date);
    };
  });
  return loading;
}
