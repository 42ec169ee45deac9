// Where the Teams consent pop-up sends the user (Entra authorize endpoint, prompt=consent):
// read by server/config.ts, used by routes/auth/router.ts.

export interface ConsentConfig {
  clientId: string;
  authorityHost: string;
  tenantId: string | undefined;
  /** Scopes Callbook needs from Graph (delegated). */
  scopes: readonly string[];
}
