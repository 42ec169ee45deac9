import type { Db } from "../db/database";
import type { RequestContext } from "../http/requestContext";
import type { MailCalendarGateway } from "./MailCalendarGateway";
import { createLocalOutboxGateway } from "./localOutboxGateway";
import { createDbOutboxStore } from "./dbOutboxStore";

/** The embedded default: mail and invites land in the database and the Outbox page. */
export function localOutboxMail(db: Db, clock: () => Date) {
  return (ctx: RequestContext, scope: { projectId: string | null }): MailCalendarGateway =>
    createLocalOutboxGateway({
      store: createDbOutboxStore(db, { tenantId: ctx.tenantId, projectId: scope.projectId, createdBy: ctx.name }),
      clock,
    });
}
