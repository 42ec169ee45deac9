import type { EnvVars } from "./env";

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Variables that may be set to an empty string (e.g. no name suffix in production). */
export const MAY_BE_EMPTY: readonly string[] = ["APP_NAME_SUFFIX"];

export class MissingVariablesError extends Error {
  constructor(
    readonly missing: string[],
    message = `missing environment variable${missing.length > 1 ? "s" : ""} for the manifest: ${missing.join(", ")}`,
  ) {
    super(message);
    this.name = "MissingVariablesError";
  }
}

/** The distinct `${{VAR}}` names used in a template, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""))];
}

/**
 * Replaces every `${{VAR}}` in a JSON template with its value, escaped for a JSON string.
 * Throws MissingVariablesError naming every variable that is unset (or empty, unless allowed).
 */
export function fillManifest(template: string, vars: EnvVars, mayBeEmpty: readonly string[] = MAY_BE_EMPTY): string {
  const missing = placeholdersIn(template).filter((name) => {
    const value = vars[name];
    return value === undefined || (value === "" && !mayBeEmpty.includes(name));
  });
  if (missing.length > 0) throw new MissingVariablesError(missing);
  return template.replace(PLACEHOLDER, (_match, name: string) => JSON.stringify(vars[name] ?? "").slice(1, -1));
}
