import type { IsoDate } from "../../../contracts/types";
import { EASTERN_TIME_ZONE, dateIn, instantAt } from "../zonedTime";

// The send queue counts days in US Eastern time, the runbook's zone, through the one
// wall-clock ↔ instant function (zonedTime.ts).

/** The New York calendar date of an instant. */
export const easternDateOf = (instant: Date): IsoDate => dateIn(instant, EASTERN_TIME_ZONE);

/** The instant of a New York wall-clock time ("17:00") on a date. */
export const easternInstant = (date: IsoDate, time: string): Date => instantAt(date, time, EASTERN_TIME_ZONE);
