import type { Request } from "express";
import type { Logger } from "pino";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { people } from "../db/tables";
import { unauthorized } from "../errors";
import type { Authenticator } from "../http/requestContext";
import { TokenRejected, type TokenVerifier } from "./verifyTeamsToken";
import { PersonLookupCache } from "./personLookupCache";

/** The SSO token of a request: the Authorization header only (never the URL, which lands in logs and history). */
function bearer(req: Request): string | null {
  const header = req.get("authorization");
  return header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
}

/**
 * Teams/Outlook SSO: a verified token becomes the request context; the person is found in the
 * tenant's directory by e-mail. A refused token answers 401 and its reason is logged (never the token).
 */
export function entraAuthenticator(verifier: TokenVerifier, db: Db, logger: Pick<Logger, "warn">): Authenticator {
  const directory = new PersonLookupCache<{ id: string; name: string } | undefined>();
  return async (req) => {
    const token = bearer(req);
    if (!token) return null;
    try {
      const identity = await verifier(token);
      const person = await directory.get(`${identity.tenantId}/${identity.email.toLowerCase()}`, async () => {
        const [row] = await db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(and(eq(people.tenantId, identity.tenantId), eq(sql`lower(${people.email})`, identity.email.toLowerCase())))
          .limit(1);
        return row;
      });
      return {
        tenantId: identity.tenantId,
        userId: identity.userId,
        email: identity.email,
        name: person?.name ?? identity.name,
        personId: person?.id ?? null,
        via: "entra",
        token,
      };
    } catch (e) {
      const reason = e instanceof TokenRejected ? e.reason : "verification_failed";
      logger.warn({ reason }, "token refused");
      throw unauthorized("Your sign-in could not be verified");
    }
  };
}
