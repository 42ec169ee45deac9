import type { Request } from "express";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database";
import * as t from "../db/tables";
import { PersonLookupCache } from "./personLookupCache";
import { forbidden, unauthorized } from "../errors";
import type { Authenticator } from "../http/requestContext";

// Dev sign-in: the embedded default's way in without a tenant. On only by explicit config
// (config.ts refuses it in production), and only for requests from this machine.
// Credential: "Authorization: Dev <tenantId>.<personId>" (or ?auth=Dev%20... for EventSource).

const DEV = /^Dev ([0-9a-zA-Z-]{1,64})\.([0-9a-f-]{36})$/;

export function isLoopback(req: Request): boolean {
  const a = req.socket.remoteAddress ?? "";
  return a === "127.0.0.1" || a === "::1" || a === "::ffff:127.0.0.1";
}

export function devCredential(req: Request): string | null {
  const header = req.get("authorization");
  if (header?.startsWith("Dev ")) return header;
  const q = req.query.auth;
  return typeof q === "string" && q.startsWith("Dev ") ? q : null;
}

export function devAuthenticator(db: Db): Authenticator {
  const people = new PersonLookupCache<{ id: string; name: string; email: string } | undefined>();
  return async (req) => {
    const credential = devCredential(req);
    if (!credential) return null;
    if (!isLoopback(req)) throw forbidden("Dev sign-in is only accepted from this machine");
    const m = DEV.exec(credential);
    if (!m) throw unauthorized("Malformed dev sign-in");
    const [, tenantId = "", personId = ""] = m;
    const person = await people.get(`${tenantId}/${personId}`, async () => {
      const [row] = await db
        .select({ id: t.people.id, name: t.people.name, email: t.people.email })
        .from(t.people)
        .where(and(eq(t.people.tenantId, tenantId), eq(t.people.id, personId)))
        .limit(1);
      return row;
    });
    if (!person) throw unauthorized("Unknown dev user");
    return { tenantId, userId: `dev:${person.id}`, email: person.email, name: person.name, personId: person.id, via: "dev" };
  };
}
