import { z } from "zod";

/** True when the runtime (browser or Node) knows the IANA zone name. */
function knownIanaZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name ("Europe/London", "Asia/Kolkata"), as browsers and the tz database give them. */
export const ianaTimeZone = z
  .string()
  .trim()
  .max(64)
  .refine(knownIanaZone, { message: 'must be an IANA time zone such as "America/New_York"' });
