import type { AppointmentInfo } from "../host/outlook/officeHost";

/**
 * The lookup request for an appointment (join link, then iCalUId, then subject + start; the
 * server tries them in that order), or null when the appointment has nothing to match on.
 */
export function lookupPath(a: Pick<AppointmentInfo, "joinUrl" | "iCalUId" | "subject" | "start"> & Partial<Pick<AppointmentInfo, "joinMeetingId">>): string | null {
  const q = new URLSearchParams();
  if (a.joinUrl) q.set("joinUrl", a.joinUrl);
  if (a.joinMeetingId) q.set("joinMeetingId", a.joinMeetingId);
  if (a.iCalUId) q.set("iCalUId", a.iCalUId);
  const subject = a.subject.trim();
  if (subject && a.start) {
    q.set("subject", subject);
    q.set("start", a.start);
  }
  const query = q.toString();
  return query ? `/meetings/lookup?${query}` : null;
}

/** The calendar date of an instant in the user's time zone (for the series draft's `from`). */
export function localDate(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
