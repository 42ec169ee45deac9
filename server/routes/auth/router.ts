import { Router } from "express";
import { z } from "zod";
import { parse } from "../../http/validate";
import { notFound, unavailable } from "../../errors";
import type { ConsentConfig } from "../../auth/consentConfig";

export type { ConsentConfig };

const consentQuery = z
  .object({
    tenant: z.string().regex(/^[0-9a-zA-Z.-]{1,64}$/, "must be a tenant id").optional(),
    // From POST /api/me/unattended/start: passed to Entra as they are, checked when the code is posted.
    state: z.string().regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/, "must be a state from Callbook").optional(),
    code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be an S256 PKCE challenge").optional(),
  })
  .strict();

/**
 * The consent pop-up Teams opens (authentication.authenticate): it goes to Entra's authorize
 * endpoint with prompt=consent and comes back to /auth/end, which tells Teams it is done. With
 * `state` and `code_challenge` (POST /api/me/unattended/start) the code it brings back can be
 * stored for sending without the user; the browser's Connect button uses the same route, redirected.
 */
export function authRouter(config: ConsentConfig | null): Router {
  const r = Router();
  r.get("/consent", (req, res) => {
    if (!config) throw notFound("Consent (no Entra app is configured)");
    const { tenant, state, code_challenge } = parse(consentQuery, req.query);
    if (!config.publicUrl) throw unavailable("The consent pop-up needs PUBLIC_URL (Callbook's public https address) to be configured");
    const url = new URL(`${config.authorityHost}/${tenant ?? config.tenantId ?? "organizations"}/oauth2/v2.0/authorize`);
    url.searchParams.set("client_id", config.clientId);
    url.searchParams.set("response_type", "code");
    url.searchParams.set("response_mode", "query");
    url.searchParams.set("prompt", "consent");
    url.searchParams.set("scope", ["openid", "profile", "offline_access", ...config.scopes].join(" "));
    // Registered in aad.manifest.json (replyUrlsWithType, Web).
    url.searchParams.set("redirect_uri", new URL("/auth/end", config.publicUrl).toString());
    // Sending without the PM (issue 17 §5): the code is redeemed with the PKCE verifier of this state only.
    if (state) url.searchParams.set("state", state);
    if (code_challenge) {
      url.searchParams.set("code_challenge", code_challenge);
      url.searchParams.set("code_challenge_method", "S256");
    }
    res.redirect(302, url.toString());
  });
  return r;
}
