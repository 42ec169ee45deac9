import type { Request } from "express";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database";
import * as t from "../db/tables";
import { PersonLookupCache } from "./personLookupCache";
import { forbidden, unauthorized } from "../errors";
import type { Authenticator, RequestContext } from "../http/requestContext";

// Dev sign-in: the embedded default's way in without a tenant. On only by explicit config, or by
// default on the embedded database outside production (config.ts); only for requests from this
// machine, addressed to a loopback name (not a rebound DNS name), and from the app's own pages.
// Credential: "Authorization: Dev <tenantId>.<personId>", in the header only (issue 13 §7).

const DEV = /^Dev ([0-9a-zA-Z-]{1,64})\.([0-9a-f-]{36})$/;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLoopback(req: Request): boolean {
  const a = req.socket.remoteAddress ?? "";
  return a === "127.0.0.1" || a === "::1" || a === "::ffff:127.0.0.1";
}

/**
 * Throws 403 unless the request may use dev sign-in: it comes from this machine, its Host is a
 * loopback name (a DNS-rebinding page sends its own host name), and any Origin is the app's own
 * (a cross-site form or text/plain POST carries the attacker's), as is any Sec-Fetch-Site.
 */
export function assertDevRequest(req: Request): void {
  if (!isLoopback(req)) throw forbidden("Dev sign-in is only accepted from this machine");
  const host = (req.get("host") ?? "").toLowerCase();
  const hostname = host.replace(/:\d{1,5}$/, "");
  if (!LOOPBACK_HOSTS.has(hostname)) throw forbidden("Dev sign-in is only accepted at localhost or 127.0.0.1");
  const origin = req.get("origin");
  if (origin !== undefined && origin.toLowerCase() !== `${req.protocol}://${host}`) {
    throw forbidden("Dev sign-in is only accepted from Callbook's own pages");
  }
  const site = req.get("sec-fetch-site");
  if (site !== undefined && site !== "same-origin" && site !== "none") throw forbidden("Dev sign-in is only accepted from Callbook's own pages");
}

/** The dev credential of a request, from the Authorization header only. */
export function devCredential(req: Request): string | null {
  const header = req.get("authorization");
  return header?.startsWith("Dev ") ? header : null;
}

export function devAuthenticator(db: Db): Authenticator {
  const people = new PersonLookupCache<{ id: string; name: string; email: string } | undefined>();
  const contextFor = (tenantId: string, person: { id: string; name: string; email: string } | undefined): RequestContext => {
    if (!person) throw unauthorized("Unknown dev user");
    return { tenantId, userId: `dev:${person.id}`, email: person.email, name: person.name, personId: person.id, via: "dev" };
  };
  // Synchronous when the person is remembered (the usual case: no promise per request).
  return (req) => {
    const credential = devCredential(req);
    if (!credential) return null;
    assertDevRequest(req);
    const m = DEV.exec(credential);
    if (!m) throw unauthorized("Malformed dev sign-in");
    const [, tenantId = "", personId = ""] = m;
    const key = `${tenantId}/${personId}`;
    const held = people.peek(key);
    if (held) return contextFor(tenantId, held.value);
    return people
      .get(key, async () => {
        const [row] = await db
          .select({ id: t.people.id, name: t.people.name, email: t.people.email })
          .from(t.people)
          .where(and(eq(t.people.tenantId, tenantId), eq(t.people.id, personId)))
          .limit(1);
        return row;
      })
      .then((person) => contextFor(tenantId, person));
  };
}
