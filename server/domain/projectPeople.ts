import type { IsoDate, Person, ProjectMember, ProjectRole, ProjectSnapshot } from "../../contracts/types";

export const roleLabels: Record<ProjectRole, string> = {
  pm: "PM",
  im: "IM",
  se: "SE",
  developer: "Developer",
  tsm: "TSM",
  tam: "TAM",
  csm: "CSM",
  tsm_manager: "TSM manager",
  cs_leader: "Client Services leader",
  vp_implementations: "VP of Implementations",
  vertical_director: "Vertical Director",
  pm_director: "PM Director",
  product: "Product",
  legal: "Legal",
  marketing: "Marketing",
  customer_executive: "Customer executive",
  customer_project_lead: "Customer project lead",
  customer_stakeholder: "Customer stakeholder",
  vendor_pm: "Vendor PM",
  vendor_contact: "Vendor contact",
};

export interface ProjectPeople {
  person(personId: string | null): Person | undefined;
  /** The person's name, "Unassigned" for no one, the id itself when the person is unknown. */
  name(personId: string | null): string;
  /** Project members holding `role`, in the project's member order. */
  withRole(role: ProjectRole): ProjectMember[];
  /** Every role the person holds on the project. */
  rolesOf(personId: string): ProjectRole[];
  /** Distinct people on the project, in member order, with all their roles. */
  distinctMembers(): { person: Person; roles: ProjectRole[] }[];
}

/** Looks people up in the snapshot first, then in `morePeople` (e.g. the tenant directory). */
export function projectPeople(snapshot: ProjectSnapshot, morePeople: readonly Person[] = []): ProjectPeople {
  const byId = new Map<string, Person>();
  for (const p of morePeople) byId.set(p.id, p);
  for (const p of snapshot.people) byId.set(p.id, p);
  const members = snapshot.project.members;

  const person = (personId: string | null): Person | undefined => (personId === null ? undefined : byId.get(personId));
  const rolesOf = (personId: string): ProjectRole[] => members.filter((m) => m.personId === personId).map((m) => m.role);

  return {
    person,
    name: (personId) => (personId === null ? "Unassigned" : (byId.get(personId)?.name ?? personId)),
    withRole: (role) => members.filter((m) => m.role === role),
    rolesOf,
    distinctMembers: () => {
      const seen = new Set<string>();
      const result: { person: Person; roles: ProjectRole[] }[] = [];
      for (const m of members) {
        const p = byId.get(m.personId);
        if (!p || seen.has(p.id)) continue;
        seen.add(p.id);
        result.push({ person: p, roles: rolesOf(p.id) });
      }
      return result;
    },
  };
}

/** Out of office on `on` according to the person record (inclusive range). */
export function isOutOfOfficeOn(person: Person, on: IsoDate): boolean {
  const ooo = person.outOfOffice;
  return ooo !== null && ooo.from <= on && on <= ooo.until;
}
