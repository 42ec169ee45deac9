import { caseLine, openCasesByPriority, openRaidItems, plural, raidLine } from "./agendaLines";
import type { AgendaLine } from "../../contracts/agenda";
import type { AgendaContext, AgendaItemContent, AgendaItemFillers } from "./agendaTypes";
import { formatLongDate, utcDateOf } from "./isoDates";
import { transitionStatus } from "./transition";
import type { CaseSeverity, ChangeRequest } from "../../contracts/types";

// Agenda items of the support and targeted calls: triage and TSM meetings (seed 001),
// targeted technical and product calls (seed 000).

function openCases(ctx: AgendaContext): AgendaItemContent {
  const cases = openCasesBy(ctx);
  const bySeverity = (s: CaseSeverity) => cases.filter((c) => c.severity === s).length;
  return {
    summary: `${plural(cases.length, "open case")}: ${bySeverity("critical")} critical, ${bySeverity("high")} high, ${bySeverity("medium")} medium, ${bySeverity("low")} low`,
    lines: cases.map((c) => caseLine(c, ctx)),
    empty: "No open production cases",
  };
}

const openCasesBy = (ctx: AgendaContext) => openCasesByPriority(ctx.snapshot.supportCases);

function resolutionPlan(ctx: AgendaContext): AgendaItemContent {
  const lines = openCasesBy(ctx)
    .filter((c) => c.ownerId === null || (c.resolutionNotes ?? "").trim() === "")
    .map((c): AgendaLine => {
      const missing = [c.ownerId === null ? "no owner" : null, (c.resolutionNotes ?? "").trim() === "" ? "no resolution defined" : null];
      return { ...caseLine(c, ctx), detail: missing.filter((m) => m !== null).join(" · "), flags: ["unanswered"] };
    });
  return { summary: "The PM drives, the TSM is the subject-matter expert", lines, empty: "Every open case has an owner and a resolution" };
}

function technicalItems(ctx: AgendaContext): AgendaItemContent {
  const items = openRaidItems(ctx.snapshot.raidItems, true).filter((r) => r.area === "technical");
  return { summary: "The IM explains each item to the SE", lines: items.map((r) => raidLine(r, ctx)), empty: "No open technical items" };
}

const estimate = (cr: ChangeRequest): string => (cr.estimateHours === null ? "no estimate yet" : `${cr.estimateHours} h estimated`);

function pendingChangeRequests(ctx: AgendaContext): AgendaItemContent {
  const lines = ctx.snapshot.changeRequests
    .filter((cr) => cr.decision === "pending")
    .map((cr): AgendaLine => ({
      text: cr.description,
      detail: `${estimate(cr)} · ${cr.customerConfirmed ? "confirmed by the customer" : "customer has not confirmed"}`,
      flags: cr.customerConfirmed ? [] : ["unanswered"],
      ref: { kind: "change_request", id: cr.id },
    }));
  return { summary: "The IM defines and sponsors each request; the PM tracks it in the RAID log", lines, empty: "No change requests pending" };
}

function productItems(ctx: AgendaContext): AgendaItemContent {
  const items = openRaidItems(ctx.snapshot.raidItems, true).filter((r) => r.area === "product");
  return { lines: items.map((r) => raidLine(r, ctx)), empty: "No open product items" };
}

function decisionsToShare(ctx: AgendaContext): AgendaItemContent {
  const lines = ctx.snapshot.changeRequests
    .filter((cr) => cr.decision !== "pending")
    .sort((a, b) => (b.decidedAt ?? "").localeCompare(a.decidedAt ?? ""))
    .map((cr): AgendaLine => {
      const by = cr.decidedBy ? ` by ${cr.decidedBy}` : "";
      const on = cr.decidedAt ? ` on ${formatLongDate(utcDateOf(new Date(cr.decidedAt)))}` : "";
      return {
        text: cr.description,
        detail: `${cr.decision === "approved" ? "Approved" : "Declined"}${by}${on} · ${estimate(cr)}`,
        flags: [],
        ref: { kind: "change_request", id: cr.id },
      };
    });
  return { summary: "The PM tells the client what was approved or declined", lines, empty: "No change request decided yet" };
}

function tsmMeetings(ctx: AgendaContext): AgendaItemContent {
  const status = transitionStatus(ctx.snapshot, ctx.history.meetings, ctx.now);
  const { goLiveDate } = ctx.snapshot.project;
  const held = status.tsmMeetingsHeld.map((m, i): AgendaLine => ({
    text: `TSM meeting ${i + 1} of ${status.tsmMeetingsOwed}: held ${formatLongDate(utcDateOf(new Date(m.startsAt)))}`,
    detail: m.subject,
    flags: ["achieved"],
  }));
  const wentLive = goLiveDate !== null && goLiveDate <= ctx.today;
  const owed = Array.from({ length: status.tsmMeetingsStillOwed }, (_, i): AgendaLine => ({
    text: `TSM meeting ${held.length + i + 1} of ${status.tsmMeetingsOwed}: to hold${goLiveDate ? ` before ${formatLongDate(goLiveDate)}` : " before go-live"}`,
    flags: [wentLive ? "past_due" : "upcoming"],
  }));
  return {
    summary: `${Math.min(held.length, status.tsmMeetingsOwed)} of ${status.tsmMeetingsOwed} TSM meetings held`,
    lines: [...held, ...owed],
    empty: `No TSM meeting owed: ${status.tier.support}`,
  };
}

function supportModel(ctx: AgendaContext): AgendaItemContent {
  const status = transitionStatus(ctx.snapshot, ctx.history.meetings, ctx.now);
  const { integrationType, mrrCents } = ctx.snapshot.project;
  const mrr = (mrrCents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });
  const lines: AgendaLine[] = [
    { text: status.tier.support, detail: `${integrationType === "new" ? "New" : "Existing"} integration, ${mrr} MRR`, flags: [] },
    ...status.phased.reasons.map((reason): AgendaLine => ({ text: `Phased project: ${reason}`, flags: [] })),
  ];
  return { summary: status.tier.support, lines };
}

function integrationSummary(ctx: AgendaContext): AgendaItemContent {
  const { integrationSummary: summary } = transitionStatus(ctx.snapshot, ctx.history.meetings, ctx.now);
  return {
    summary: `${summary.filled} of ${summary.total} fields filled (or N/A)`,
    lines: summary.missing.map((f): AgendaLine => ({ text: f.label, detail: "Fill in, or N/A", flags: ["unanswered"] })),
    empty: "Integration summary complete",
  };
}

export const supportCallItems: AgendaItemFillers = {
  triage: {
    open_cases: openCases,
    resolution_plan: resolutionPlan,
  },
  targeted_technical: {
    technical_items: technicalItems,
  },
  targeted_product: {
    pending_change_requests: pendingChangeRequests,
    product_items: productItems,
    decisions_to_share: decisionsToShare,
  },
  tsm_pre_go_live: {
    tsm_meetings: tsmMeetings,
    support_model: supportModel,
    integration_summary: integrationSummary,
  },
};
