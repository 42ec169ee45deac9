/** The UTC calendar date of an instant, YYYY-MM-DD (compared with RAID due dates). */
export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
