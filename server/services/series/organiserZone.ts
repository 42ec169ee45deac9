import type { AppDeps } from "../../appDeps";
import type { RequestContext } from "../../http/requestContext";

/** The signed-in organiser's own IANA zone, from their person record; null when unknown. */
export function organiserZone(_deps: AppDeps, _ctx: RequestContext): Promise<string | null> {
  return Promise.resolve(null);
}
