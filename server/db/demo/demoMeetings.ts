import type { CallType } from "../../../contracts/types";

// The demo calendar: a past call or two of the regular types (history for "since the last
// call" items and the cadence tracker) and an upcoming call of every type.
// `day` counts working days from today (negative: past); times are US Eastern wall time.

export interface DemoMeeting {
  key: string;
  subject: string;
  callType: CallType;
  day: number;
  /** When set, the meeting is placed on the next Tuesday or Thursday instead of `day`. */
  triageSlot?: "next" | "previous";
  hour: number;
  minutes: number;
  attendees: string[];
  recapSent?: boolean;
}

const pmIm = ["dana", "marcus"];
const customerSide = ["rachel", "ben", "maria"];

export const demoMeetings: DemoMeeting[] = [
  // history
  { key: "m_cust_prev2", subject: "Riverbend weekly status", callType: "customer_status", day: -7, hour: 14, minutes: 45, attendees: [...pmIm, ...customerSide, "priya"], recapSent: true },
  { key: "m_cust_prev", subject: "Riverbend weekly status", callType: "customer_status", day: -2, hour: 14, minutes: 45, attendees: [...pmIm, ...customerSide, "priya"], recapSent: false },
  { key: "m_int_prev", subject: "Riverbend internal status", callType: "internal_status", day: -3, hour: 11, minutes: 30, attendees: [...pmIm, "priya", "tom"], recapSent: true },
  { key: "m_triage_prev", subject: "Riverbend production triage", callType: "triage", day: 0, triageSlot: "previous", hour: 10, minutes: 60, attendees: [...pmIm, "sallie", "grace", "luis"], recapSent: true },
  { key: "m_tsm_prev", subject: "Riverbend TSM pre-go-live meeting 1 of 4", callType: "tsm_pre_go_live", day: -6, hour: 13, minutes: 30, attendees: [...pmIm, "sallie", "rachel"], recapSent: true },
  // upcoming, one of each call type
  { key: "m_daily", subject: "Riverbend daily status check", callType: "daily_status_check", day: 1, hour: 9, minutes: 15, attendees: [...pmIm, "tom", "priya", "rachel", "maria", "alicia"] },
  { key: "m_int", subject: "Riverbend internal status", callType: "internal_status", day: 1, hour: 11, minutes: 30, attendees: [...pmIm, "priya", "tom", "owen"] },
  { key: "m_triage", subject: "Riverbend production triage", callType: "triage", day: 0, triageSlot: "next", hour: 10, minutes: 60, attendees: [...pmIm, "sallie", "grace", "luis"] },
  { key: "m_tech", subject: "Rounding defect: technical deep dive", callType: "targeted_technical", day: 2, hour: 13, minutes: 30, attendees: ["marcus", "priya", "tom"] },
  { key: "m_cust", subject: "Riverbend weekly status", callType: "customer_status", day: 3, hour: 14, minutes: 45, attendees: [...pmIm, ...customerSide, "priya"] },
  { key: "m_vendor", subject: "Vendors only: Meridian CIS & Keystone sync", callType: "vendor", day: 3, hour: 16, minutes: 30, attendees: ["dana", "steve", "alicia", "derek"] },
  { key: "m_milestone", subject: "UAT start milestone review", callType: "milestone_review", day: 4, hour: 13, minutes: 60, attendees: [...pmIm, "rachel", "linda", "steve"] },
  { key: "m_product", subject: "Riverbend change requests (product)", callType: "targeted_product", day: 5, hour: 15, minutes: 30, attendees: [...pmIm, "nina"] },
  { key: "m_steer", subject: "Riverbend steering committee", callType: "steering_committee", day: 7, hour: 11, minutes: 60, attendees: ["dana", "helen", "robert", "angela", "linda", "james", "rachel"] },
  { key: "m_tsm", subject: "Riverbend TSM pre-go-live meeting 2 of 4", callType: "tsm_pre_go_live", day: 8, hour: 13, minutes: 30, attendees: [...pmIm, "sallie", "rachel"] },
];
