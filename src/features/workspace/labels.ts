import type { FollowUp } from "../../../contracts/followUps";

// Words the workspace shows for stored values.

export const ragColor = { green: "success", amber: "warning", red: "danger" } as const;
export const taskStatusLabel = { not_started: "Not started", in_progress: "In progress", blocked: "Blocked", done: "Done" } as const;
export const raidKindLabel = { risk: "Risk", action: "Action", issue: "Issue", decision: "Decision" } as const;
export const followUpStateColor: Record<FollowUp["state"], "danger" | "warning" | "informative"> = { late: "danger", due: "warning", upcoming: "informative" };

export const roleLabel: Record<string, string> = {
  pm: "PM", im: "IM", se: "SE", developer: "Developer", tsm: "TSM", tam: "TAM", csm: "CSM", tsm_manager: "TSM manager",
  cs_leader: "Client Services leader", vp_implementations: "VP Implementations", vertical_director: "Vertical director",
  pm_director: "PM director", product: "Product", legal: "Legal", marketing: "Marketing", customer_executive: "Customer executive",
  customer_project_lead: "Customer project lead", customer_stakeholder: "Customer stakeholder", vendor_pm: "Vendor PM", vendor_contact: "Vendor contact",
};

export const cisQuestions: [string, string][] = [
  ["installed_ready", "Is the CIS installed and ready to integrate?"],
  ["updates_needed", "Does it need updates before or while we start?"],
  ["resources_willing", "Does the vendor have resources and willingness to collaborate?"],
  ["schedule_go_live", "What is their schedule; can they go live when we forecast?"],
  ["share_schedule_join_meetings", "Will they share their schedule / join our meetings?"],
  ["pm_contact_weekly", "Who is their PM/contact and how do we stay in touch weekly?"],
  ["deliverables_moving_schedule", "Which of their deliverables or milestones move our schedule?"],
];

export function goLiveText(days: number | null): string {
  if (days === null) return "No go-live date";
  if (days === 0) return "Go-live today";
  return days > 0 ? `${days} day${days === 1 ? "" : "s"} to go-live` : `Live for ${-days} day${days === -1 ? "" : "s"}`;
}

