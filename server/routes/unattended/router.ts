import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse, parseEmptyBody } from "../../http/validate";
import { connectUnattendedBody } from "../../../contracts/unattended";
import { unavailable, badRequest } from "../../errors";
import { ConsentStateRefused, ReconnectRequired } from "../../auth/consentErrors";
import type { StartUnattendedDto } from "../../../contracts/unattended";
import { unattendedStatus } from "../../services/reminders/unattendedStatus";

/**
 * The caller's stored consent for sending when they are not there (issue 17 §5): its state
 * ("reconnect" shows on the PM's pages), start a consent request (PKCE + signed single-use state),
 * connect with the consent pop-up's code and state, disconnect.
 */
export function unattendedRouter(deps: AppDeps): Router {
  const r = Router();

  r.get("/", async (_req, res) => {
    const ctx = contextOf(res);
    res.json(await unattendedStatus(deps, ctx.tenantId, ctx.personId, ctx.email));
  });

  // Opens a consent request bound to the caller: the pop-up (Teams) or the page (browser) goes to consentUrl.
  r.post("/start", async (req, res) => {
    parseEmptyBody(req);
    const ctx = contextOf(res);
    if (!deps.unattended || !ctx.personId) throw unavailable("Sending without you needs Microsoft Graph and TOKEN_CACHE_KEY on the server");
    const { state, codeChallenge } = await deps.unattended.consent.begin(ctx.tenantId, ctx.personId);
    const query = new URLSearchParams({ state, code_challenge: codeChallenge });
    const body: StartUnattendedDto = { consentUrl: `/auth/consent?${query.toString()}` };
    res.json(body);
  });

  r.post("/", async (req, res) => {
    const { code, state } = parse(connectUnattendedBody, req.body);
    const ctx = contextOf(res);
    if (!deps.unattended || !ctx.personId) throw unavailable("Sending without you needs Microsoft Graph and TOKEN_CACHE_KEY on the server");
    try {
      await deps.unattended.consent.connect(ctx.tenantId, ctx.personId, code, state);
    } catch (error) {
      if (error instanceof ConsentStateRefused) throw badRequest(error.message);
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
