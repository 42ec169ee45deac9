import { describe, expect, it } from "vitest";
import { parseEnvFile } from "../../appPackage/env";
import { fillManifest, MissingVariablesError, placeholdersIn } from "../../appPackage/fillManifest";

describe("parseEnvFile", () => {
  it("reads KEY=VALUE lines and skips comments and blanks", () => {
    const vars = parseEnvFile(
      ["# comment", "", "A=1", "export B = two ", 'C="quoted # not a comment"', "D=plain # trailing comment", "E="].join("\n"),
    );
    expect(vars).toEqual({ A: "1", B: "two", C: "quoted # not a comment", D: "plain", E: "" });
  });

  it("reads Windows line endings and single-quoted values, as Agents Toolkit may write them", () => {
    expect(parseEnvFile("A='one # two'\r\nB=2\r\n# c\r\n")).toEqual({ A: "one # two", B: "2" });
  });

  it("names the file and line of a malformed line", () => {
    expect(() => parseEnvFile("A=1\nnot a pair", "env/.env.x")).toThrow('env/.env.x:2: expected KEY=VALUE, got "not a pair"');
  });
});

describe("fillManifest", () => {
  const template = '{"id":"${{TEAMS_APP_ID}}","name":"Callbook${{APP_NAME_SUFFIX}}","url":"${{ TAB_ENDPOINT }}/x"}';

  it("fills every placeholder, escaping values for JSON", () => {
    const out = fillManifest(template, { TEAMS_APP_ID: "id-1", APP_NAME_SUFFIX: ' "beta"', TAB_ENDPOINT: "https://h" });
    expect(JSON.parse(out)).toEqual({ id: "id-1", name: 'Callbook "beta"', url: "https://h/x" });
  });

  it("allows an empty APP_NAME_SUFFIX but no other empty variable", () => {
    expect(JSON.parse(fillManifest(template, { TEAMS_APP_ID: "x", APP_NAME_SUFFIX: "", TAB_ENDPOINT: "https://h" }))).toMatchObject({
      name: "Callbook",
    });
    expect(() => fillManifest(template, { TEAMS_APP_ID: "", APP_NAME_SUFFIX: "" })).toThrow(
      "missing environment variables for the manifest: TEAMS_APP_ID, TAB_ENDPOINT",
    );
  });

  it("reports the missing names on the error", () => {
    try {
      fillManifest(template, { APP_NAME_SUFFIX: "", TAB_ENDPOINT: "https://h" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MissingVariablesError);
      expect((error as MissingVariablesError).missing).toEqual(["TEAMS_APP_ID"]);
    }
  });

  it("lists placeholders once each, in order", () => {
    expect(placeholdersIn(`${template}\${{TEAMS_APP_ID}}`)).toEqual(["TEAMS_APP_ID", "APP_NAME_SUFFIX", "TAB_ENDPOINT"]);
  });
});
