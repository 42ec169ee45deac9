import { formatLongDate } from "./isoDates";
import { projectPeople, roleLabels } from "./projectPeople";
import { isPhasedProject, tsmTier } from "./transition";
import type {
  Availability,
  CallType,
  Directory,
  IsoDate,
  Organisation,
  ProjectMember,
  ProjectRole,
  ProjectSnapshot,
  RaidArea,
} from "../../contracts/types";
import { cisChecklistKeys } from "../../contracts/types";

// Who to invite to a call of a given type (runbook section 2). A required member who is
// out of office on the day is replaced by their named backup; the absent member moves to
// the optional list (they still get the invite and the notes). No one appears twice.

export interface PickedAttendee {
  personId: string;
  name: string;
  email: string;
  organisation: Organisation;
  role?: ProjectRole;
  reason: string;
}

export interface AttendeePick {
  required: PickedAttendee[];
  optional: PickedAttendee[];
  warnings: string[];
}

type Picker = ReturnType<typeof createPicker>;

function createPicker(callType: CallType, snapshot: ProjectSnapshot, directory: Directory, availability: Availability, on: IsoDate) {
  const people = projectPeople(snapshot, directory.people);
  const required: PickedAttendee[] = [];
  const optional: PickedAttendee[] = [];
  const warnings: string[] = [];
  const listed = (personId: string) => required.some((a) => a.personId === personId) || optional.some((a) => a.personId === personId);

  function place(personId: string, reason: string, role: ProjectRole | undefined, isRequired: boolean): void {
    const person = people.person(personId);
    if (!person) {
      warnings.push(`${role ? `${roleLabels[role]} ` : ""}${personId} is not in the directory`);
      return;
    }
    if (callType === "vendor" && person.organisation === "customer") return;
    const existing = optional.findIndex((a) => a.personId === personId);
    if (isRequired && existing >= 0) optional.splice(existing, 1);
    else if (listed(personId)) return;
    const attendee: PickedAttendee = {
      personId,
      name: person.name,
      email: person.email,
      organisation: person.organisation,
      ...(role ? { role } : {}),
      reason,
    };
    (isRequired ? required : optional).push(attendee);
  }

  const out = (personId: string) => availability.isOutOfOffice(personId, on);
  /** The call's date as the texts write it: "Wed 9 Dec 2026". */
  const onText = formatLongDate(on);

  /** Required, or the named backup when out of office on the day. */
  function require(member: ProjectMember, reason: string): void {
    if (required.some((a) => a.personId === member.personId)) return;
    const name = people.name(member.personId);
    const label = `${name} (${roleLabels[member.role]})`;
    if (!out(member.personId)) return place(member.personId, reason, member.role, true);
    const backup = member.backupPersonId;
    if (backup !== null && !out(backup)) {
      place(backup, `Backup for ${name} (out of office)`, people.rolesOf(backup)[0], true);
      place(member.personId, `${reason}; out of office on ${onText}, ${people.name(backup)} attends instead`, member.role, false);
      return;
    }
    warnings.push(
      backup === null
        ? `${label} is out of office on ${onText} and has no named backup`
        : `${label} is out of office on ${onText} and so is the backup, ${people.name(backup)}`,
    );
    place(member.personId, `${reason}; out of office on ${onText}`, member.role, false);
  }

  function requireRole(role: ProjectRole, reason: string, missing?: string): void {
    const members = people.withRole(role);
    if (members.length === 0 && missing) warnings.push(missing);
    for (const m of members) require(m, reason);
  }

  function offerRole(role: ProjectRole, reason: string): void {
    for (const m of people.withRole(role)) place(m.personId, reason, m.role, false);
  }

  return { on, onText, people, required, optional, warnings, place, require, requireRole, offerRole, out };
}

const openRaidCount = (snapshot: ProjectSnapshot, area: RaidArea) =>
  snapshot.raidItems.filter((r) => r.status === "open" && r.area === area).length;

function pmAndIm(p: Picker, why: string): void {
  p.requireRole("pm", `PM: ${why}`, "No PM on the project: the IM runs the call");
  p.requireRole("im", `IM: ${why}`, "No IM on the project");
}

/** Vendor representatives: the vendor's contact, plus its PM/contact members on the project. */
function vendorPeople(p: Picker, snapshot: ProjectSnapshot, vendorId: string, contactPersonId: string | null): string[] {
  const members = p.people
    .distinctMembers()
    .filter(({ person, roles }) => person.vendorId === vendorId && roles.some((r) => r === "vendor_pm" || r === "vendor_contact"))
    .map(({ person }) => person.id);
  return [...new Set([...(contactPersonId ? [contactPersonId] : []), ...members])];
}

const rules: Record<CallType, (p: Picker, s: ProjectSnapshot) => void> = {
  customer_status: (p) => {
    pmAndIm(p, "always attends customer calls");
    p.requireRole("customer_project_lead", "Customer project lead: key stakeholder", "No customer project lead on the project");
    p.requireRole("customer_stakeholder", "Key customer stakeholder");
    for (const role of ["se", "tsm", "tam", "csm"] as const) p.offerRole(role, `${roleLabels[role]}: internal stakeholder, joins when needed`);
    p.offerRole("customer_executive", "Customer executive: decision maker, optional on status calls");
  },
  internal_status: (p, s) => {
    pmAndIm(p, "runs the internal dry run");
    const technical = openRaidCount(s, "technical");
    if (technical > 0) {
      p.requireRole("se", `SE: ${technical} open technical RAID item${technical === 1 ? "" : "s"}`, "Open technical RAID items but no SE on the project");
      p.requireRole("developer", `Developer: ${technical} open technical RAID item${technical === 1 ? "" : "s"}`);
    }
    for (const area of ["product", "legal", "marketing"] as const) {
      const count = openRaidCount(s, area);
      if (count > 0) p.requireRole(area, `${roleLabels[area]}: ${count} open ${area} RAID item${count === 1 ? "" : "s"}`, `Open ${area} RAID items but nobody from ${area} on the project`);
    }
    for (const role of ["tsm", "tam", "csm"] as const) p.offerRole(role, `${roleLabels[role]}: internal stakeholder, at the PM's discretion`);
  },
  steering_committee: (p, s) => {
    for (const role of ["vp_implementations", "vertical_director", "pm_director"] as const) {
      p.requireRole(role, `${roleLabels[role]}: steering committee`, `No ${roleLabels[role]} on the project`);
    }
    p.requireRole("pm", "PM: presents the stakeholder report", "No PM on the project");
    p.requireRole("customer_executive", "Customer executive: decision maker", "No customer executive on the project");
    p.requireRole("customer_project_lead", "Customer project lead: decision maker", "No customer project lead on the project");
    if (s.vendors.length > 0) {
      p.warnings.push(`Vendors engaged (${s.vendors.map((v) => v.name).join(", ")}): align the stakeholder report with them before the call`);
    }
  },
  triage: (p, s) => {
    p.requireRole("im", "IM: triage attendee", "No IM on the project");
    p.requireRole("pm", "PM: drives the call", "No PM on the project");
    p.requireRole("tsm", "TSM: subject-matter expert", "No TSM on the project");
    p.requireRole("tsm_manager", "TSM manager: triage attendee", "No TSM manager on the project");
    let leader = false;
    for (const m of p.people.withRole("cs_leader")) {
      const available = !p.out(m.personId) || (m.backupPersonId !== null && !p.out(m.backupPersonId));
      if (!leader && available) {
        p.require(m, "Client Services leader: at least one attends");
        leader = true;
      } else p.place(m.personId, "Client Services leader", m.role, false);
    }
    if (!leader) {
      p.warnings.push(
        p.people.withRole("cs_leader").length === 0
          ? "No Client Services leader on the project: at least one must attend"
          : `No Client Services leader available on ${p.onText}: at least one must attend`,
      );
    }
    if (!isPhasedProject(s.project).phased) p.warnings.push("Not a phased project: triage calls are for phased projects with production issues");
  },
  vendor: (p, s) => {
    p.requireRole("pm", "PM: runs the vendors-only call", "No PM on the project");
    for (const vendor of s.vendors) {
      const ids = vendorPeople(p, s, vendor.id, vendor.contactPersonId);
      const deliverables = vendor.deliverablesTouchingSchedule.length;
      const unanswered = cisChecklistKeys.filter((k) => (vendor.checklist[k] ?? "").trim() === "").length;
      if (deliverables > 0) {
        if (ids.length === 0) p.warnings.push(`${vendor.name} has deliverables that move our schedule but no contact`);
        for (const id of ids) p.require({ personId: id, role: p.people.rolesOf(id)[0] ?? "vendor_contact", backupPersonId: null }, `${vendor.name}: ${deliverables} deliverable${deliverables === 1 ? "" : "s"} move our schedule`);
      } else if (vendor.kind === "cis" && unanswered > 0) {
        for (const id of ids) p.place(id, `${vendor.name}: CIS checklist has ${unanswered} unanswered question${unanswered === 1 ? "" : "s"}`, p.people.rolesOf(id)[0], false);
      }
    }
    p.offerRole("im", "IM: optional on the vendors-only call");
  },
  targeted_technical: (p, s) => {
    p.requireRole("im", "IM: explains the open technical issues", "No IM on the project");
    p.requireRole("se", "SE: answers or decides the next step", "No SE on the project");
    p.offerRole("developer", "Developer: joins if the SE asks");
    if (openRaidCount(s, "technical") === 0) p.warnings.push("No open technical RAID items");
  },
  targeted_product: (p, s) => {
    p.requireRole("im", "IM: defines and sponsors the change requests", "No IM on the project");
    p.requireRole("pm", "PM: tracks the change requests in the RAID log", "No PM on the project");
    p.requireRole("product", "Product: reviews the change requests");
    if (!s.changeRequests.some((cr) => cr.decision === "pending") && openRaidCount(s, "product") === 0) {
      p.warnings.push("No pending change requests or open product items");
    }
  },
  daily_status_check: (p, s) => {
    pmAndIm(p, "daily status check");
    p.requireRole("se", "SE: technical lead for our team");
    p.requireRole("customer_project_lead", "Customer project lead: represents the customer's team", "No customer project lead on the project");
    for (const vendor of s.vendors) {
      const [representative] = vendorPeople(p, s, vendor.id, vendor.contactPersonId);
      if (representative) p.require({ personId: representative, role: p.people.rolesOf(representative)[0] ?? "vendor_contact", backupPersonId: null }, `${vendor.name}: represents the vendor's team`);
    }
    p.offerRole("developer", "Developer: pulled in by the technical lead when needed");
    p.offerRole("customer_stakeholder", "Customer stakeholder: when their work is active");
  },
  milestone_review: (p, s) => {
    pmAndIm(p, "milestone review");
    p.requireRole("customer_project_lead", "Customer project lead: signs off the milestone", "No customer project lead on the project");
    p.requireRole("customer_executive", "Customer executive: business owner, signs off");
    p.offerRole("se", "SE: demonstrates the deliverable");
    p.offerRole("customer_stakeholder", "Customer stakeholder");
    for (const vendor of s.vendors) {
      for (const id of vendorPeople(p, s, vendor.id, vendor.contactPersonId)) p.place(id, `${vendor.name}: vendors are invited to milestone meetings`, p.people.rolesOf(id)[0], false);
    }
  },
  tsm_pre_go_live: (p, s) => {
    pmAndIm(p, "introduces the customer to support");
    if (p.people.withRole("tsm").length > 0) p.requireRole("tsm", "TSM: runs the support hand-over");
    else p.requireRole("tam", "TAM: runs the support hand-over", "No TSM or TAM assigned: ask a Client Services leader");
    p.requireRole("customer_project_lead", "Customer project lead: learns how to open cases", "No customer project lead on the project");
    p.offerRole("csm", "CSM: informed of the hand-over");
    p.offerRole("tsm_manager", "TSM manager");
    p.offerRole("customer_stakeholder", "Customer stakeholder: will open cases after go-live");
    if (tsmTier(s.project.integrationType, s.project.mrrCents).tsmMeetingsBeforeGoLive === 0) {
      p.warnings.push("Client Services help desk tier: no TSM meeting is owed before go-live");
    }
  },
};

/**
 * The runbook's attendees for a call of `callType` (runbook section 2), with a reason each and
 * the warnings. `on` (YYYY-MM-DD) is the call's date as its reader sees it (the viewer's zone for
 * one call, the series' zone for an occurrence): it is handed to `availability` and written in
 * the texts as "Wed 9 Dec 2026". Pure.
 */
export function pickAttendees(
  callType: CallType,
  snapshot: ProjectSnapshot,
  directory: Directory,
  availability: Availability,
  on: IsoDate,
): AttendeePick {
  const picker = createPicker(callType, snapshot, directory, availability, on);
  rules[callType](picker, snapshot);
  return { required: picker.required, optional: picker.optional, warnings: picker.warnings };
}
