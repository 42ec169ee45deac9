// Time boxes. An item made current counts from that moment (LiveAgenda passes the shared start);
// otherwise each item's slot follows the previous ones from the meeting's start: item 3 of a 5+10+5
// agenda is 15 to 20 minutes in. The current item's time used is the clock's distance into its slot.

export interface TimeBox {
  startMs: number;
  minutes: number;
}

export interface TimeUsed {
  usedMinutes: number;
  boxMinutes: number;
  over: boolean;
}

export function timeBoxes(startsAt: string, minutes: number[]): TimeBox[] {
  let at = Date.parse(startsAt);
  return minutes.map((m) => {
    const box = { startMs: at, minutes: m };
    at += m * 60_000;
    return box;
  });
}

export function timeUsed(box: TimeBox, nowMs: number): TimeUsed {
  const usedMinutes = Math.max(0, Math.floor((nowMs - box.startMs) / 60_000));
  return { usedMinutes, boxMinutes: box.minutes, over: usedMinutes > box.minutes };
}

export function describeTimeUsed(t: TimeUsed): string {
  const base = `${t.usedMinutes} of ${t.boxMinutes} min`;
  return t.over ? `${base}, over by ${t.usedMinutes - t.boxMinutes}` : base;
}
