import type { Person } from "../host/outlook/officeHost";

export interface DraftAttendee extends Person {
  type: "required" | "optional";
  reason: string;
}

/**
 * The attendee lists after "Set up this call": the runbook's people added to whoever the organizer
 * already invited, nobody twice (e-mail, case-insensitive). Required wins over optional, so someone
 * the runbook requires moves up, and someone the organizer required is never moved down.
 */
export function mergeAttendees(
  current: { required: Person[]; optional: Person[] },
  draft: DraftAttendee[],
): { required: Person[]; optional: Person[]; added: Person[] } {
  const key = (p: Person) => p.email.trim().toLowerCase();
  const known = new Set([...current.required, ...current.optional].map(key));
  const required = new Map<string, Person>();
  for (const p of [...current.required, ...draft.filter((a) => a.type === "required")]) if (!required.has(key(p))) required.set(key(p), { email: p.email, name: p.name });
  const optional = new Map<string, Person>();
  for (const p of [...current.optional, ...draft.filter((a) => a.type === "optional")]) {
    if (!required.has(key(p)) && !optional.has(key(p))) optional.set(key(p), { email: p.email, name: p.name });
  }
  const added = draft.filter((a) => !known.has(key(a))).map((a) => ({ email: a.email, name: a.name }));
  return { required: [...required.values()], optional: [...optional.values()], added };
}
