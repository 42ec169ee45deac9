/** A dev sign-in choice with the credential the dev authenticator accepts: `Dev <tenantId>.<personId>`. */
export const devPersonDto = <P extends { id: string; tenantId: string }>(p: P) => ({ ...p, credential: `Dev ${p.tenantId}.${p.id}` });
