import { GraphRequestFailed } from "../../graph/MailCalendarGateway";

/** Default wait when a 429 carries no Retry-After (seconds). */
const DEFAULT_RETRY_AFTER_S = 60;

/** Planner answered 429: the sync stops and defers the plan for `retryAfterSeconds` (its Retry-After, or 60 s). */
export class PlannerThrottled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Planner throttled the sync");
  }
}

/** Awaits one Planner call of the sync: a 429 becomes PlannerThrottled (with its Retry-After), anything else passes unchanged. */
export async function plannerCall<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof GraphRequestFailed && error.status === 429) throw new PlannerThrottled(error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S);
    throw error;
  }
}
