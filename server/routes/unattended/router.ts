import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { connectUnattendedBody } from "../../../contracts/unattended";
import { unavailable, badRequest } from "../../errors";
import { ReconnectRequired } from "../../auth/storedConsent";
import { unattendedStatus } from "../../services/reminders/unattendedStatus";

/**
 * The caller's stored consent for sending when they are not there (issue 17 §5): its state
 * ("reconnect" shows on the PM's pages), connect with the consent pop-up's code, disconnect.
 */
export function unattendedRouter(deps: AppDeps): Router {
  const r = Router();

  r.get("/", async (_req, res) => {
    const ctx = contextOf(res);
    res.json(await unattendedStatus(deps, ctx.tenantId, ctx.personId, ctx.email));
  });

  r.post("/", async (req, res) => {
    const { code } = parse(connectUnattendedBody, req.body);
    const ctx = contextOf(res);
    if (!deps.unattended || !ctx.personId) throw unavailable("Sending without you needs Microsoft Graph and TOKEN_CACHE_KEY on the server");
    try {
      await deps.unattended.consent.connect(ctx.tenantId, ctx.personId, code);
    } catch (error) {
      if (error instanceof ReconnectRequired) throw badRequest(`code: Microsoft Entra refused it (${error.reason}); open the consent window again`);
      throw error;
    }
    res.json(await unattendedStatus(deps, ctx.tenantId, ctx.personId, ctx.email));
  });

  r.delete("/", async (_req, res) => {
    const ctx = contextOf(res);
    if (deps.unattended && ctx.personId) await deps.unattended.consent.forget(ctx.tenantId, ctx.personId);
    res.status(204).end();
  });

  return r;
}
