import { z } from "zod";

// Issue 17 §4: a project's Microsoft Planner plan.

/** PUT /api/projects/:id/planner: the plan's id as Planner shows it (in the plan's URL: `.../plan/<id>`). */
export const putPlannerPlanBody = z
  .object({ planId: z.string().trim().min(1, "is required").max(64, "must be at most 64 characters").regex(/^[A-Za-z0-9_-]+$/, "must be a Planner plan id") })
  .strict();
export type PutPlannerPlanBody = z.infer<typeof putPlannerPlanBody>;

/** An action whose Planner task was deleted there: unlinked, never recreated. */
export interface PlannerUnlinkedDto {
  itemId: string;
  title: string;
  unlinkedAt: string;
}

/** GET /api/projects/:id/planner (and the answer of PUT and POST …/sync). */
export interface PlannerStatusDto {
  /** False when Callbook runs without Microsoft Graph (local outbox mode): the setting is kept but nothing syncs. */
  available: boolean;
  plan: {
    planId: string;
    title: string | null;
    /** Last poll of the plan (ISO), or null before the first. */
    polledAt: string | null;
    /** Graph asked Callbook to wait (429 Retry-After) until then. */
    throttledUntil: string | null;
    /** The last sync's failure, in words; null when it worked. */
    lastError: string | null;
  } | null;
  /** Actions linked to a task. */
  linked: number;
  unlinked: PlannerUnlinkedDto[];
  /**
   * What this request's poll did, or null when it did not poll (no Graph, no plan, polled less than
   * a minute ago, or PUT). `skipped: "busy"`: another sync (this or another Callbook instance) held
   * the plan, so this one called nothing.
   */
  poll: { skipped: "no_plan" | "throttled" | "busy" | null; created: number; adopted: number } | null;
}
