import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { demoProjectId } from "./testApp";

/**
 * Creates, as `auth`, through `POST /api/projects/:id/series` on the demo project, a weekly internal
 * status series of 3 Mondays from 8 Mar 2027 at 10:00 New York time, 30 minutes, Dana required
 * (occurrences at 15:00, 14:00 and 14:00 UTC: the US clock change falls between the first two).
 * Returns the iCalUId its occurrences share. Throws when the API does not answer 201.
 */
export async function createDemoWeeklySeries(app: Express, auth: string, subject: string): Promise<string> {
  const created = await request(app)
    .post(`/api/projects/${demoProjectId()}/series`)
    .set("Authorization", auth)
    .send({
      id: randomUUID(), callType: "internal_status", subject, from: "2027-03-08", weekday: "monday", startTime: "10:00", durationMinutes: 30,
      occurrences: 3, timeZone: "America/New_York", attendees: [{ email: "dana.whitfield@contoso.com", name: "Dana Whitfield", type: "required" }],
    });
  if (created.status !== 201) throw new Error(`creating the series answered ${created.status}: ${JSON.stringify(created.body)}`);
  return (created.body as { iCalUId: string }).iCalUId;
}
