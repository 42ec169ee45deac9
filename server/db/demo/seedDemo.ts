import { createHash } from "node:crypto";
import { count, sql } from "drizzle-orm";
import type { Database } from "../database";
import * as t from "../tables";
import { CIS_DOMAIN, CUSTOMER_DOMAIN, DEMO_TENANT_ID, SI_DOMAIN, demoPeople } from "./demoPeople";
import { GO_LIVE_IN_DAYS, demoCases, demoChangeRequests, demoMilestones, demoRaid, demoTasks } from "./demoSchedule";
import { demoMeetings } from "./demoMeetings";
import { addDays, utcDateOf } from "../../domain/isoDates";
import { addWorkingDays, isWorkingDay } from "../../domain/workingDays";
import { EASTERN_TIME_ZONE, instantAt } from "../../domain/zonedTime";

/** n weekdays from today; 0 is today, or the next weekday when today is a weekend day. */
const weekdaysFrom = (today: string, n: number) => (n === 0 && !isWorkingDay(today) ? addWorkingDays(today, 1) : addWorkingDays(today, n));

/** A stable uuid for a demo key, so a re-seed gives the same ids (links keep working). */
export function demoId(key: string, tenantId = DEMO_TENANT_ID): string {
  const h = createHash("sha256").update(`${tenantId}:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface SeedOptions {
  now: Date;
  tenantId?: string;
  /** Prefix for names, so a second tenant's demo is told apart in tests. */
  label?: string;
  /** Seed only when the database has no project at all (first start). */
  onlyIfEmpty?: boolean;
}

/** Instances starting together seed once: the check and the inserts share one locked transaction. */
const SEED_LOCK_KEY = 4_242_018;

/** Inserts the demo project in one transaction. Returns the project id, or null when onlyIfEmpty found data. */
export async function seedDemo(database: Database, options: SeedOptions): Promise<string | null> {
  const tenantId = options.tenantId ?? DEMO_TENANT_ID;
  const id = (key: string) => demoId(key, tenantId);
  const today = utcDateOf(options.now);
  const day = (n: number | null | undefined) => (n === null || n === undefined ? null : addDays(today, n));
  const projectId = id("project");
  const label = options.label ?? "";
  const cis = id("vendor_cis");
  const si = id("vendor_si");

  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (options.onlyIfEmpty) {
      const [row] = await tx.select({ n: count() }).from(t.projects);
      if ((row?.n ?? 0) > 0) return null;
    }
    await tx.insert(t.projects).values({
      id: projectId,
      tenantId,
      name: `${label}Riverbend Utilities e-billing implementation`,
      customerName: `${label}Riverbend Utilities`,
      customerDomains: [CUSTOMER_DOMAIN],
      vertical: "utilities",
      phase: "Phase 2: residential and commercial e-billing",
      mrrCents: 2_450_000,
      integrationType: "new",
      rag: "amber",
      ragReason: "Meridian CIS patch 22.4 is late and blocks the returned-payment and payment-file tests.",
      pathToGreen:
        "Meridian installs 22.4 in test by day 5; we run the rejects test in parallel with UAT round 1; payment certification stays on its date.",
      ragChangedAt: new Date(options.now.getTime() - 9 * 86_400_000).toISOString(),
      ragChangedBy: "Dana Whitfield",
      previousRag: "green",
      goLiveDate: day(GO_LIVE_IN_DAYS),
      holidays: [],
      sprintLengthDays: 14,
      sprintStartDate: day(-84),
      phased: { steeringMeetingsRunning: true, raidLogActive: true, laterPhaseRevenue: true, nextPhaseProjectProvisioned: false },
      integrationSummary: {
        invoice_types: "Residential, commercial, budget billing, final bills",
        integration_videos: "",
        project_notes_link: "https://contoso.box.com/riverbend/project-notes",
        raid_log_export: "",
        schedule_export: "",
        uat_sit_results: "https://contoso.box.com/riverbend/sit-results",
        scope_plan: "https://contoso.box.com/riverbend/solution-design",
        integrator_biller_software: "Keystone Integrators; Meridian CIS 22",
        invoices: "Bill print file (BIF) daily",
        bif_customisations: "Budget-billing line items",
        payments: "",
        adjustments: "",
        daily_balance_file: "Custom CSV (CR approved)",
        change_logs: "",
        rejects: "",
        conveyance: "N/A",
        ivr: "",
      },
    });

    await tx.insert(t.people).values(
      demoPeople.map((p) => ({
        id: id(`person_${p.key}`),
        tenantId,
        name: p.name,
        email: p.email,
        organisation: p.organisation,
        vendorId: p.vendor === "cis" ? cis : p.vendor === "si" ? si : null,
        title: p.title,
        oooFrom: p.ooo ? day(p.ooo[0]) : null,
        oooUntil: p.ooo ? day(p.ooo[1]) : null,
      })),
    );
    await tx.insert(t.vendors).values([
      {
        id: cis, tenantId, projectId, name: "Meridian CIS", kind: "cis", emailDomains: [CIS_DOMAIN],
        contactPersonId: id("person_steve"), goLiveAligned: false,
        deliverablesTouchingSchedule: ["CIS patch 22.4 in test", "Returned-payment file spec", "Payment file certification"],
        checklist: {
          installed_ready: "Installed (v22.3); needs patch 22.4 for the rejects file.",
          updates_needed: "Patch 22.4 before UAT start.",
          resources_willing: "Yes: Alicia Grant dedicated two days a week.",
          pm_contact_weekly: "Steve Novak; weekly vendors-only call on Thursdays.",
        },
      },
      {
        id: si, tenantId, projectId, name: "Keystone Integrators", kind: "si", emailDomains: [SI_DOMAIN],
        contactPersonId: id("person_derek"), goLiveAligned: true,
        deliverablesTouchingSchedule: ["IVR payment line configuration"], checklist: {},
      },
    ]);

    await tx.insert(t.projectMembers).values(
      demoPeople.flatMap((p) =>
        p.roles.map((role) => ({
          id: id(`member_${p.key}_${role}`),
          tenantId,
          projectId,
          personId: id(`person_${p.key}`),
          role,
          backupPersonId: p.backup ? id(`person_${p.backup}`) : null,
        })),
      ),
    );

    const signOffName = (key: string | undefined) => demoPeople.find((p) => p.key === key)?.name ?? null;
    await tx.insert(t.milestones).values(
      demoMilestones.map((m) => ({
        id: id(`milestone_${m.key}`), tenantId, projectId, name: m.name, deliverable: m.deliverable,
        plannedDate: day(m.planned), achievedDate: day(m.achieved),
        signedOffBy: signOffName(m.signedOffBy),
        signedOffAt: m.signedOffBy && m.achieved !== undefined ? `${day(m.achieved)}T17:00:00.000Z` : null,
      })),
    );
    await tx.insert(t.tasks).values(
      demoTasks.map((k) => ({
        id: id(`task_${k.key}`), tenantId, projectId, name: k.name, ownerId: id(`person_${k.owner}`),
        startDate: day(k.start), dueDate: day(k.due), status: k.status,
        dependsOnTaskId: k.dependsOn ? id(`task_${k.dependsOn}`) : null, externalRef: k.key.toUpperCase(),
        // A done task was finished on its due day (5 pm New York); the others changed when seeded.
        updatedAt: k.status === "done" && k.due !== null ? `${day(k.due)}T22:00:00.000Z` : options.now.toISOString(),
      })),
    );

    const meetingRows = demoMeetings.map((m) => {
      const date = m.triageSlot ? triageDay(today, m.triageSlot) : weekdaysFrom(today, m.day);
      const start = instantAt(date, `${String(m.hour).padStart(2, "0")}:00`, EASTERN_TIME_ZONE);
      const byKey = (k: string) => demoPeople.find((p) => p.key === k);
      return {
        id: id(`meeting_${m.key}`), tenantId, projectId, subject: m.subject,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + m.minutes * 60_000).toISOString(),
        organizerEmail: demoPeople[0]?.email ?? null,
        attendees: m.attendees.flatMap((k) => {
          const p = byKey(k);
          return p ? [{ email: p.email, name: p.name }] : [];
        }),
        callType: start.getTime() < options.now.getTime() ? m.callType : null,
        recapSentAt: m.recapSent ? new Date(start.getTime() + (m.minutes + 90) * 60_000).toISOString() : null,
        recapSentBy: m.recapSent ? "Dana Whitfield" : null,
        joinWebUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${m.key}%40thread.v2/0`,
        chatId: `19:meeting_${m.key}@thread.v2`,
      };
    });
    await tx.insert(t.meetings).values(meetingRows);

    const people = (k: string) => id(`person_${k}`);
    await tx.insert(t.raidItems).values(
      demoRaid.map((r) => ({
        id: id(`raid_${r.key}`), tenantId, projectId, kind: r.kind, title: r.title, ownerId: people(r.owner),
        dueDate: day(r.due), status: r.status ?? "open", area: r.area ?? "general", internalOnly: r.internalOnly ?? false,
        raisedInMeetingId: r.key === "r03" || r.key === "r04" ? id("meeting_m_cust_prev") : null,
        decidedBy: r.kind === "decision" ? demoPeople.find((p) => p.key === r.owner)?.name ?? null : null,
        createdBy: "Dana Whitfield",
        closedAt: r.status === "closed" ? options.now.toISOString() : null,
      })),
    );
    await tx.insert(t.changeRequests).values(
      demoChangeRequests.map((c) => ({
        id: id(`cr_${c.key}`), tenantId, projectId, description: c.description, estimateHours: c.estimateHours,
        customerConfirmed: c.customerConfirmed, decision: c.decision,
        decidedBy: "decidedBy" in c ? c.decidedBy : null,
        decidedAt: c.decision === "pending" ? null : new Date(options.now.getTime() - 20 * 86_400_000).toISOString(),
      })),
    );
    await tx.insert(t.supportCases).values(
      demoCases.map((c) => ({
        id: id(`case_${c.key}`), tenantId, projectId, caseNumber: c.caseNumber, title: c.title, severity: c.severity,
        status: c.status, ownerId: people(c.owner),
        resolutionNotes: c.status === "resolved" ? "Replaced logo asset with 2x version." : null,
        openedAt: new Date(options.now.getTime() - c.openedDaysAgo * 86_400_000).toISOString(),
      })),
    );
    return projectId;
  });
}

/** Next (or previous) Tuesday/Thursday from today, excluding today. */
function triageDay(today: string, which: "next" | "previous"): string {
  const step = which === "next" ? 1 : -1;
  let d = addDays(today, step);
  for (;;) {
    const dow = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (dow === 2 || dow === 4) return d;
    d = addDays(d, step);
  }
}
