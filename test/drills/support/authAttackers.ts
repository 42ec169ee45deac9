import { randomUUID } from "node:crypto";
import { DEMO_TENANT_ID } from "../../../server/db/demo/demoPeople";
import { demoId } from "../../../server/db/demo/seedDemo";
import type { FakeEntraServer } from "../../support/graph/fakeEntraServer";
import { devAuth } from "../../support/testApp";

// Who knocks in the auth drill: forged and broken Teams tokens, forged dev credentials, a user of
// another tenant and a non-member of the project. Each is an Authorization header (or none).

export const OTHER_TENANT_ID = "0b7e5c1d-2f3a-4e5b-8c9d-0000000000b2";

export interface Attacker {
  code: string;
  who: string;
  /** "token": must be refused as unauthenticated (401); "scope": signed in, but must not reach tenant A's project. */
  kind: "token" | "scope" | "legit";
  header: string | null;
}

export async function attackers(entra: FakeEntraServer): Promise<Attacker[]> {
  const danaA = { tenantId: DEMO_TENANT_ID, email: "dana.whitfield@contoso.com", name: "Dana Whitfield" };
  const mint = (o: Parameters<FakeEntraServer["mintTeamsToken"]>[0]) => entra.mintTeamsToken({ ...danaA, ...o }).then((t) => `Bearer ${t}`);
  const now = Math.floor(Date.now() / 1000);
  const list: Attacker[] = [
    { code: "OK", who: "Dana, tenant A, valid Teams token (control: must be allowed)", kind: "legit", header: await mint({}) },
    { code: "T0", who: "no credential", kind: "token", header: null },
    { code: "T1", who: "garbage bearer", kind: "token", header: "Bearer abc.def.ghi" },
    { code: "T2", who: "alg: none", kind: "token", header: await mint({ signing: "none" }) },
    { code: "T3", who: "signed with a key not in Entra's set", kind: "token", header: await mint({ signing: "untrusted" }) },
    { code: "T4", who: "another audience", kind: "token", header: await mint({ aud: "api://evil.example/123" }) },
    { code: "T5", who: "issuer of another tenant than tid", kind: "token", header: await mint({ iss: `https://login.microsoftonline.com/${OTHER_TENANT_ID}/v2.0` }) },
    { code: "T6", who: "tid of another tenant than the issuer", kind: "token", header: await mint({ claims: { tid: OTHER_TENANT_ID } }) },
    { code: "T7", who: "no tid", kind: "token", header: await mint({ claims: { tid: undefined } }) },
    { code: "T8", who: "expired", kind: "token", header: await mint({ expiresInSeconds: -600 }) },
    { code: "T9", who: "not valid yet (nbf in an hour)", kind: "token", header: await mint({ claims: { nbf: now + 3600, iat: now + 3600 } }) },
    { code: "TA", who: "a foreign client (azp)", kind: "token", header: await mint({ callerClientId: "99999999-9999-4999-8999-999999999999" }) },
    { code: "TB", who: "no access_as_user scope", kind: "token", header: await mint({ scp: "User.Read" }) },
    { code: "TC", who: "v1 token from a foreign client (appid)", kind: "token", header: await mint({ version: 1, callerClientId: "99999999-9999-4999-8999-999999999999" }) },
    { code: "D1", who: "dev credential, unknown person", kind: "token", header: `Dev ${DEMO_TENANT_ID}.${randomUUID()}` },
    { code: "D2", who: "dev credential, tenant A's person under tenant B", kind: "token", header: `Dev ${OTHER_TENANT_ID}.${demoId("person_dana")}` },
    { code: "D3", who: "dev credential, malformed", kind: "token", header: "Dev ' OR 1=1 --" },
    { code: "X1", who: "Dana of tenant B, valid Teams token", kind: "scope", header: await entra.mintTeamsToken({ ...danaA, tenantId: OTHER_TENANT_ID }).then((t) => `Bearer ${t}`) },
    { code: "X2", who: "Dana of tenant B, dev credential", kind: "scope", header: devAuth("dana", OTHER_TENANT_ID) },
    { code: "N1", who: "Kevin, tenant A, not a project member (dev)", kind: "scope", header: devAuth("kevin") },
    { code: "N2", who: "Kevin, tenant A, not a project member (Teams token)", kind: "scope", header: await mint({ email: "kevin.wu@contoso.com", name: "Kevin Wu", oid: randomUUID() }) },
    { code: "N3", who: "a Teams user of tenant A not in its directory", kind: "scope", header: await mint({ email: "stranger@contoso.com", name: "Stranger", oid: randomUUID() }) },
  ];
  return list;
}
