import { useCallback, useEffect, useState } from "react";
import { api, credential, setCredential, setHostTokenSource } from "../api/client";
import type { NaaConfig, NaaSession } from "../host/outlook/naaSignIn";

/** `GET /api/session/config`. `entra` is optional: without it the pane cannot use NAA. */
interface SessionConfig {
  devSignIn: boolean;
  entra?: { clientId: string; apiResource: string; authority?: string } | null;
}

export type SignInState =
  | { step: "checking" }
  /** Dev sign-in is allowed and nobody is picked yet. */
  | { step: "pick" }
  /** NAA is configured but needs a click (first use, consent, or MFA). */
  | { step: "prompt"; naa: NaaSession; error: string | null }
  | { step: "signedIn"; via: "dev" | "naa"; naa: NaaSession | null }
  | { step: "failed"; message: string };

function entraOf(config: SessionConfig): NaaConfig | null {
  const e = config.entra;
  if (!e || typeof e.clientId !== "string" || typeof e.apiResource !== "string" || !e.clientId || !e.apiResource) return null;
  return { clientId: e.clientId, apiResource: e.apiResource, ...(e.authority ? { authority: e.authority } : {}) };
}

const isInteractionRequired = (e: unknown) => typeof e === "object" && e !== null && "code" in e && e.code === "interaction_required";

/**
 * Who the pane talks to the API as: the dev sign-in credential when one is stored (local mode), else
 * a nested-app-auth token from Outlook when the server names its Entra app, else the dev picker.
 */
export function useOutlookSignIn(): {
  state: SignInState;
  signedInWithDev: () => void;
  signInWithMicrosoft: () => void;
  signOut: () => void;
} {
  const [state, setState] = useState<SignInState>({ step: "checking" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const set = (s: SignInState) => live && setState(s);
    const run = async () => {
      if (credential()) return set({ step: "signedIn", via: "dev", naa: null });
      const config = await api<SessionConfig>("/session/config");
      const entra = entraOf(config);
      if (entra) {
        // MSAL is loaded only when the server names an Entra app (it is most of the pane's weight).
        const { createNaaSession } = await import("../host/outlook/naaSignIn");
        const naa = await createNaaSession(entra);
        setHostTokenSource(() => naa.getToken());
        try {
          await naa.getToken();
          return set({ step: "signedIn", via: "naa", naa });
        } catch (e) {
          if (config.devSignIn) return set({ step: "pick" });
          return set({ step: "prompt", naa, error: isInteractionRequired(e) ? null : e instanceof Error ? e.message : String(e) });
        }
      }
      if (config.devSignIn) return set({ step: "pick" });
      set({ step: "failed", message: "This Callbook server has no Microsoft sign-in configured for Outlook. Ask your administrator." });
    };
    run().catch((e: unknown) => set({ step: "failed", message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [attempt]);

  const signedInWithDev = useCallback(() => setState({ step: "signedIn", via: "dev", naa: null }), []);
  const signInWithMicrosoft = useCallback(() => {
    if (state.step !== "prompt") return;
    const naa = state.naa;
    naa
      .signInInteractive()
      .then(() => setState({ step: "signedIn", via: "naa", naa }))
      .catch((e: unknown) => setState({ step: "prompt", naa, error: e instanceof Error ? e.message : String(e) }));
  }, [state]);
  const signOut = useCallback(() => {
    setCredential(null);
    setHostTokenSource(null);
    setAttempt((n) => n + 1);
  }, []);
  return { state, signedInWithDev, signInWithMicrosoft, signOut };
}
