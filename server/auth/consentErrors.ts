// The stored-consent errors callers catch (routes, the reminder job), apart from storedConsent.ts
// so catching them does not load msal-node: a server with no Entra app never needs it.

/** The PM's stored consent cannot be used: they must connect Callbook again. Carries no token. */
export class ReconnectRequired extends Error {
  override readonly name = "ReconnectRequired";
  readonly code = "reconnect_required";
  constructor(
    readonly personId: string,
    /** "not_connected", or Entra's errorCode/subError (e.g. "invalid_grant/bad_token"). */
    readonly reason: string,
  ) {
    super("The project manager must reconnect Callbook to Microsoft 365 so it can send without them.");
  }
}

/** The `state` posted with a consent code is missing, forged, for another person, expired or used; the message names the field. */
export class ConsentStateRefused extends Error {
  override readonly name = "ConsentStateRefused";
}
