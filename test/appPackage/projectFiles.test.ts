import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnvFile } from "../../appPackage/env";
import { placeholdersIn } from "../../appPackage/fillManifest";
import { filledManifest, ROOT } from "./helpers";

const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const YAML_FILES = ["m365agents.yml", "m365agents.local.yml"];
const COMMITTED_ENV_FILES = readdirSync(join(ROOT, "env")).filter((f) => /^\.env\.[a-z0-9-]+$/.test(f));

/** `key: value` pairs of a YAML file (enough for these flat action lists), without quotes. */
function yamlValues(text: string, key: string): string[] {
  const pattern = new RegExp(`^\\s*${key}:\\s*["']?([^"'#\\s]+)`, "gm");
  return [...text.matchAll(pattern)].map((m) => m[1] ?? "");
}

describe("Agents Toolkit project files", () => {
  it.each(YAML_FILES)("%s runs the expected actions in order", (file) => {
    const actions = yamlValues(read(file), "- uses");
    expect(actions.filter((a) => a.startsWith("aadApp/") || a.startsWith("teamsApp/"))).toEqual([
      "aadApp/create",
      "aadApp/update",
      "teamsApp/create",
      "teamsApp/validateManifest",
      "teamsApp/zipAppPackage",
      "teamsApp/validateAppPackage",
      "teamsApp/update",
      "teamsApp/extendToM365",
    ]);
    expect(read(file)).toMatch(/generateClientSecret: true/);
  });

  it.each(YAML_FILES)("%s references input files that exist", (file) => {
    const text = read(file);
    const inputs = [...yamlValues(text, "manifestPath"), ...yamlValues(text, "ignoreFile")];
    expect(inputs.length).toBeGreaterThanOrEqual(3);
    for (const input of inputs) expect(existsSync(join(ROOT, input)), `${file}: ${input}`).toBe(true);
    for (const zip of yamlValues(text, "appPackagePath")) {
      expect(zip).toBe("./appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip"); // what npm run package writes too
    }
  });

  it.each(YAML_FILES)("%s uses only variables that an env file or an earlier step defines", (file) => {
    const text = read(file);
    const defined = new Set(["TEAMSFX_ENV", ...COMMITTED_ENV_FILES.flatMap((f) => Object.keys(parseEnvFile(read(`env/${f}`))))]);
    for (const m of text.matchAll(/^\s+\w+:\s*([A-Z][A-Z0-9_]+)\s*$/gm)) defined.add(m[1] ?? ""); // writeToEnvironmentFile
    const undefinedVars = placeholdersIn(text).filter((v) => !defined.has(v));
    expect(undefinedVars).toEqual([]);
  });

  it("m365agents.local.yml writes the server's settings, taking the secret from SECRET_*", () => {
    const text = read("m365agents.local.yml");
    expect(text).toContain("uses: file/createOrUpdateEnvironmentFile");
    expect(text).toContain("AAD_APP_CLIENT_SECRET: ${{SECRET_AAD_APP_CLIENT_SECRET}}");
    expect(text).toMatch(/clientSecret: SECRET_AAD_APP_CLIENT_SECRET/);
  });
});

describe("env files", () => {
  it("local and dev exist and define every manifest placeholder", () => {
    expect(COMMITTED_ENV_FILES).toEqual(expect.arrayContaining([".env.local", ".env.dev"]));
    const placeholders = placeholdersIn(read("appPackage/manifest.json"));
    for (const file of [".env.local", ".env.dev"]) {
      const vars = parseEnvFile(read(`env/${file}`));
      expect(placeholders.filter((p) => !(p in vars)), file).toEqual([]);
    }
    expect(parseEnvFile(read("env/.env.local"))).toMatchObject({
      TEAMSFX_ENV: "local",
      TAB_DOMAIN: "localhost:53000",
      TAB_ENDPOINT: "https://localhost:53000",
    });
  });

  it.each(COMMITTED_ENV_FILES)("env/%s holds no secret-looking values", (file) => {
    const text = read(`env/${file}`);
    expect(text).toMatch(/\.user/); // says where secrets go
    for (const [key, value] of Object.entries(parseEnvFile(text))) {
      if (/SECRET|PASSWORD|PASSWD|PWD|TOKEN|API_KEY|PRIVATE_KEY|CONNECTION_STRING/i.test(key)) {
        expect(value, `${file}: ${key} must be empty here; put it in ${file}.user`).toBe("");
      }
      expect(value, `${file}: ${key} looks like a credential`).not.toMatch(/:\/\/[^/\s:@]+:[^/\s@]+@/);
      expect(value, `${file}: ${key} looks like a client secret`).not.toMatch(/^(?=.*[~])[A-Za-z0-9~._-]{30,}$/);
    }
  });
});

describe("aad.manifest.json", () => {
  const aad = JSON.parse(read("aad.manifest.json")) as {
    identifierUris: string[];
    oauth2Permissions: { value: string; type: string }[];
    preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
    replyUrlsWithType: { url: string; type: string }[];
    requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  };

  it("exposes access_as_user at the identifier URI the manifest's webApplicationInfo.resource uses", () => {
    expect(aad.oauth2Permissions.map((p) => p.value)).toEqual(["access_as_user"]);
    expect(aad.identifierUris).toEqual(["api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"]);
    expect(read("appPackage/manifest.json")).toContain('"resource": "api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"');
    expect(filledManifest().webApplicationInfo?.resource).toMatch(/^api:\/\/localhost:53000\//);
  });

  it("pre-authorises the Teams, Office and Outlook clients and allows nested app auth", () => {
    expect(aad.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual(
      [
        "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
        "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
        "4765445b-32c6-49b0-83e6-1d93765276ca",
        "0ec893e0-5785-4de6-99da-4ed124e5296c",
        "d3590ed6-52b3-4102-aeff-aad2292ab01c",
        "bc59ab01-8403-45c6-8796-ac3ef710b3e3",
        "27922004-5251-4030-b22d-91ecd9a37ea4",
      ].sort(),
    );
    for (const app of aad.preAuthorizedApplications) {
      expect(app.permissionIds).toEqual(["${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}"]);
    }
    expect(aad.replyUrlsWithType).toContainEqual({ url: "brk-multihub://${{TAB_DOMAIN}}", type: "Spa" });
  });

  it("asks for the delegated Graph permissions Callbook uses", () => {
    const graph = aad.requiredResourceAccess.find((r) => r.resourceAppId === "Microsoft Graph");
    expect(graph?.resourceAccess.every((a) => a.type === "Scope")).toBe(true);
    expect(graph?.resourceAccess.map((a) => a.id).sort()).toEqual(
      [
        "Calendars.ReadWrite",
        "Chat.ReadBasic",
        "Mail.ReadWrite",
        "Mail.Send",
        "MailboxSettings.Read",
        "OnlineMeetings.Read",
        "Tasks.ReadWrite",
        "User.Read",
        "User.ReadBasic.All",
        "offline_access",
        "OnlineMeetingArtifact.Read.All",
        "OnlineMeetingRecording.Read.All",
        "OnlineMeetingTranscript.Read.All",
      ].sort(),
    );
  });
});
