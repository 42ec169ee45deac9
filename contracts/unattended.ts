import { z } from "zod";

// Issue 17 §5: whether Callbook can send for a PM when they are not there (their stored consent).

/**
 * POST /api/me/unattended: the authorization code the consent pop-up came back with, and the
 * `state` it came back with (from POST /api/me/unattended/start; checked, bound to the caller, used once).
 */
export const connectUnattendedBody = z
  .object({ code: z.string().min(1, "is required").max(4096, "is too long"), state: z.string().max(512, "is too long").optional() })
  .strict();

/** POST /api/me/unattended/start: where the consent pop-up (or the browser, redirected) goes. */
export interface StartUnattendedDto {
  /** A path on Callbook ("/auth/consent?state=…&code_challenge=…") that redirects to Entra's consent page. */
  consentUrl: string;
}

/** GET /api/me/unattended. "reconnect": Entra refused the stored sign-in; the PM must connect again. */
export interface UnattendedStatusDto {
  /** False in outbox mode or when TOKEN_CACHE_KEY is not set: jobs then cannot send through Graph. */
  available: boolean;
  state: "connected" | "reconnect" | "none";
  reason: string | null;
  updatedAt: string | null;
  /** Messages held for this PM's reconnect (reminder digests). */
  held: number;
}
