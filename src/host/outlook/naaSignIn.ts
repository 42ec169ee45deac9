// Sign-in inside Outlook with nested app authentication (NAA): MSAL asks the Outlook host for a
// token to Callbook's API; the backend accepts it like the Teams SSO token (aud = the client id,
// azp = the client id, which the server allows next to Teams' and Office's ids).
import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from "@azure/msal-browser";

export interface NaaConfig {
  /** Callbook's Entra application (client) id. */
  clientId: string;
  /** `api://<domain>/<clientId>`: the API the token is for. */
  apiResource: string;
  /** Default `https://login.microsoftonline.com/organizations` (work accounts of any tenant). */
  authority?: string;
}

export class NaaSignInError extends Error {
  constructor(
    /** `interaction_required`: a silent token is not possible; call signInInteractive from a click. */
    readonly code: "interaction_required" | "failed",
    message: string,
  ) {
    super(message);
    this.name = "NaaSignInError";
  }
}

export interface NaaSession {
  readonly scope: string;
  /** A token for Callbook's API without UI (the host's cache, or a silent renewal). */
  getToken(): Promise<string>;
  /** The same with the host's sign-in prompt; call from a user gesture (it may open a pop-up). */
  signInInteractive(): Promise<string>;
  /**
   * After the API answered consent_required: asks for consent to the Microsoft Graph permissions
   * the app registration lists (`.default`), which the server's on-behalf-of call then gets.
   */
  requestGraphConsent(): Promise<void>;
}

export const apiScope = (config: Pick<NaaConfig, "apiResource">): string => `${config.apiResource.replace(/\/+$/, "")}/access_as_user`;

/** Creates the NAA client (falls back to MSAL's standard browser flows outside an NAA host). */
export async function createNaaSession(config: NaaConfig, factory = createNestablePublicClientApplication): Promise<NaaSession> {
  const pca: IPublicClientApplication = await factory({
    auth: { clientId: config.clientId, authority: config.authority ?? "https://login.microsoftonline.com/organizations" },
  });
  const scope = apiScope(config);
  const request = () => {
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    return { scopes: [scope], ...(account ? { account } : {}) };
  };
  return {
    scope,
    async getToken() {
      try {
        const result = await pca.acquireTokenSilent(request());
        if (result.account) pca.setActiveAccount(result.account);
        return result.accessToken;
      } catch (e) {
        if (e instanceof InteractionRequiredAuthError) throw new NaaSignInError("interaction_required", "Sign in to Callbook to continue.");
        // Outside an NAA host with no cached account MSAL answers with a browser error: also needs a click.
        throw new NaaSignInError("interaction_required", e instanceof Error ? e.message : String(e));
      }
    },
    async signInInteractive() {
      try {
        const result = await pca.acquireTokenPopup({ scopes: [scope] });
        pca.setActiveAccount(result.account);
        return result.accessToken;
      } catch (e) {
        throw new NaaSignInError("failed", e instanceof Error ? e.message : String(e));
      }
    },
    async requestGraphConsent() {
      try {
        await pca.acquireTokenPopup({ scopes: ["https://graph.microsoft.com/.default"], prompt: "consent" });
      } catch (e) {
        throw new NaaSignInError("failed", e instanceof Error ? e.message : String(e));
      }
    },
  };
}
