import type { Request, Response } from "express";
import { unauthorized } from "../errors";

/** Who is calling, in which tenant: built once per request by an authenticator. */
export interface RequestContext {
  tenantId: string;
  /** Entra object id, or "dev:<personId>" for dev sign-in. */
  userId: string;
  email: string;
  name: string;
  /** The caller's row in the tenant's people directory, when they have one. */
  personId: string | null;
  via: "dev" | "entra";
  /**
   * The caller's audience, decided from their organisation where project access is checked
   * (services/audience/callerAudience.ts); absent until then, and read as "external".
   */
  audience?: "internal" | "external";
  /** The verified SSO token (Entra sign-in only): the assertion for on-behalf-of. Never logged. */
  token?: string;
}

/**
 * Returns the caller, or null when this authenticator does not recognise the request; throws (or
 * rejects) to refuse. May answer synchronously when it knows the caller from memory.
 */
export type Authenticator = (req: Request) => RequestContext | null | Promise<RequestContext | null>;

export function contextOf(res: Response): RequestContext {
  const ctx = (res.locals as { ctx?: RequestContext }).ctx;
  if (!ctx) throw unauthorized();
  return ctx;
}
