// Date helpers for placing the demo calendar relative to "today".

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return isoDate(d);
}

/** Moves n weekdays (Mon-Fri) from date; 0 gives date itself, or the next weekday when date is a weekend day. */
export function addWeekdays(date: string, n: number): string {
  const isWeekend = (s: string) => [0, 6].includes(new Date(`${s}T00:00:00Z`).getUTCDay());
  let d = date;
  if (n === 0) {
    while (isWeekend(d)) d = addDays(d, 1);
    return d;
  }
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (!isWeekend(d)) left--;
  }
  return d;
}

/** The instant of a wall-clock time in America/New_York on a date, correct across DST. */
export function easternWallTimeToInstant(date: string, hour: number, minute: number): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wallAsUtc = Date.UTC(y, m - 1, d, hour, minute);
  let instant = wallAsUtc + 5 * 3_600_000;
  for (let i = 0; i < 2; i++) instant = wallAsUtc - offsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

function offsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!match) return -300;
  const sign = match[1] === "-" ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3]));
}
