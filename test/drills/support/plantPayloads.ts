import { randomUUID } from "node:crypto";
import request from "supertest";
import type { Express } from "express";
import { expect } from "vitest";
import type { Database } from "../../../server/db/database";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { demoId } from "../../../server/db/demo/seedDemo";
import { demoMeetingId, demoProjectId, devAuth } from "../../support/testApp";
import { xss, xssShort } from "./xss";

// Puts a tagged script payload in every text field the side panel, the recap and the invites
// show: project name, customer, RAG reason, path to green, people's names (owners, attendees), the
// meeting's subject, tasks, RAID items, milestones, cases, vendors, change requests (in the
// database), captured items and notes, a recap's subject and intro, a series' subject and
// attendee name (through the API).

export const meeting = demoMeetingId("m_cust");

export interface Planted {
  recapId: string;
  recapSubject: string;
  inviteId: string;
  inviteSubject: string;
  inviteAttendeeName: string;
  /** Tags whose payload must be visible as text in the side panel. */
  panelTags: string[];
}

export async function plantPayloads(database: Database, app: Express): Promise<Planted> {
  const project = demoProjectId();
  const t = DEMO_TENANT_ID;
  const owners = ["steve", "tom", "rachel", "marcus", "alicia", "sallie"].map((k) => demoId(`person_${k}`));
  await database.rawTransaction(async (run) => {
    await run(
      `update projects set name = $2, customer_name = $3, rag_reason = $4, path_to_green = $5,
         integration_summary = integration_summary || jsonb_build_object('project_notes_link', $6::text, 'scope_plan', $6::text)
       where tenant_id = $1`,
      [t, xss("project.name"), xss("project.customer"), xss("project.ragReason"), xss("project.pathToGreen"), `javascript:alert("project.link")`],
    );
    await run(`update people set name = $2 || ' ' || name where tenant_id = $1 and id = any($3::uuid[])`, [t, xss("person.name"), owners]);
    await run(
      `update meetings set subject = $3,
         attendees = (select jsonb_agg(jsonb_set(a, '{name}', to_jsonb($4 || (a->>'name')))) from jsonb_array_elements(attendees) a)
       where tenant_id = $1 and id = $2`,
      [t, meeting, xss("meeting.subject"), xss("meeting.attendee")],
    );
    await run(`update raid_items set title = $2 || title where tenant_id = $1`, [t, xss("raid.title")]);
    await run(`update tasks set name = $2 || name where tenant_id = $1`, [t, xss("task.name")]);
    await run(`update milestones set name = $2 || name, deliverable = $3 where tenant_id = $1`, [t, xss("milestone.name"), xss("milestone.deliverable")]);
    await run(`update support_cases set title = $2 || title where tenant_id = $1`, [t, xss("case.title")]);
    await run(`update vendors set name = $2 || name where tenant_id = $1`, [t, xss("vendor.name")]);
    await run(`update change_requests set description = $2 || description where tenant_id = $1`, [t, xss("cr.description")]);
  });

  const dana = devAuth("dana");
  const item = await request(app).post(`/api/meetings/${meeting}/items`).set("Authorization", dana).send({
    id: randomUUID(), kind: "action", title: xss("item.title"), description: xss("item.description"),
    provider: xssShort("item.provider"), deliverable: xss("item.deliverable"), recipient: xssShort("item.recipient"), neededFor: xss("item.neededFor"),
  });
  const decision = await request(app).post(`/api/meetings/${meeting}/items`).set("Authorization", dana).send({ id: randomUUID(), kind: "decision", title: xss("decision.title"), decidedBy: xssShort("decision.by") });
  const note = await request(app).post(`/api/meetings/${meeting}/notes`).set("Authorization", dana).send({ id: randomUUID(), agendaItemKey: "raid", body: xss("note.body") });
  const recapSubject = `${xss("recap.subject").slice(0, 200)}\r\nBcc: evil@example.com`;
  const recap = await request(app).post(`/api/meetings/${meeting}/recap/send`).set("Authorization", dana).send({ sendBeforeStart: true, id: randomUUID(), subject: recapSubject, intro: xss("recap.intro") });
  const inviteSubject = `${xss("invite.subject").slice(0, 180)}, a; b\\c\r\nATTENDEE:mailto:evil@example.com\nBEGIN:VALARM`;
  const inviteAttendeeName = `${xss("invite.attendee").slice(0, 120)}";ROLE=CHAIR:mailto:evil@example.com`;
  const invite = await request(app).post(`/api/projects/${project}/series`).set("Authorization", dana).send({
    id: randomUUID(), callType: "customer_status", subject: inviteSubject, from: "2026-12-01",
    attendees: [{ email: "rachel.stone@riverbendutilities.com", name: inviteAttendeeName, type: "required" }],
  });
  expect([item.status, decision.status, note.status, recap.status, invite.status]).toEqual([201, 201, 201, 201, 201]);
  return {
    recapId: recap.body.id as string,
    recapSubject,
    inviteId: invite.body.id as string,
    inviteSubject,
    inviteAttendeeName,
    panelTags: ["item.title", "note.body", "meeting.subject", "project.ragReason", "project.pathToGreen", "raid.title"],
  };
}
