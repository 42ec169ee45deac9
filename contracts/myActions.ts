/** One action of the signed-in person in `GET /api/actions/mine`. Dates: YYYY-MM-DD; times: ISO 8601 UTC. */
export interface MyActionDto {
  id: string;
  title: string;
  projectId: string;
  projectName: string;
  dueDate: string | null;
  status: "open" | "closed";
  /** Past its due date at the server's "today" (US Eastern), while open. */
  pastDue: boolean;
  internalOnly: boolean;
  /** The call it was raised in, if any. */
  meeting: { id: string; subject: string; startsAt: string } | null;
  version: number;
}

/** `GET /api/actions/mine`: the caller's own actions across all of their projects, open ones first by due date. */
export interface MyActionsDto {
  actions: MyActionDto[];
}
