import type { RequestIdentity } from "../auth/verifyTeamsToken";
import type { RequestContext } from "../http/requestContext";

/** The gateway's view of the caller. Dev sign-in has no token: only the local outbox accepts it. */
export function identityOf(ctx: RequestContext): RequestIdentity {
  return { tenantId: ctx.tenantId, userId: ctx.userId, name: ctx.name, email: ctx.email, token: ctx.token ?? "" };
}
