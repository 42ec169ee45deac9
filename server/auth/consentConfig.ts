// Where the Teams consent pop-up sends the user (Entra authorize endpoint, prompt=consent):
// read by server/config.ts, used by routes/auth/router.ts.

export interface ConsentConfig {
  clientId: string;
  authorityHost: string;
  tenantId: string | undefined;
  /** Callbook's public address (config PUBLIC_URL, else https://TAB_DOMAIN): redirect_uri is built from it only, never from request headers. */
  publicUrl: string | undefined;
  /** Scopes Callbook needs from Graph (delegated). */
  scopes: readonly string[];
}
