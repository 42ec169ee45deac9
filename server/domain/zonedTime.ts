// Wall-clock fields of an instant in an IANA time zone, from Intl (which knows daylight saving).

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached en-US, 24-hour formatter of numeric date and time fields in `timeZone` (with the zone's short name when asked). */
export function wallClockFormatter(timeZone: string, withZoneName = false): Intl.DateTimeFormat {
  const key = `${timeZone}|${withZoneName}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      ...(withZoneName ? { timeZoneName: "short" as const } : { second: "2-digit" as const }),
    });
    formatters.set(key, f);
  }
  return f;
}

export function wallClockIn(ms: number, timeZone: string): WallClock {
  const parts = wallClockFormatter(timeZone).formatToParts(ms);
  const value = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    if (!part) throw new Error(`Intl gave no ${type} for ${timeZone}`);
    return Number(part.value);
  };
  return { year: value("year"), month: value("month"), day: value("day"), hour: value("hour"), minute: value("minute"), second: value("second") };
}

/** Minutes east of UTC in `timeZone` at the instant `ms` (−300 in New York in winter). */
export function offsetMinutesIn(ms: number, timeZone: string): number {
  const f = wallClockIn(ms, timeZone);
  const wallAsUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((wallAsUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}
