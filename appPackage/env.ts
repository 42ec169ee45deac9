import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";

export type EnvVars = Record<string, string>;

/**
 * Parses a dotenv-style file with Node's own parser (`util.parseEnv`, the one behind `node --env-file`):
 * KEY=VALUE lines, `#` comment lines, blank lines, optional `export ` prefix, optional quotes; ` #` after
 * an unquoted value starts a comment. util.parseEnv skips a line it cannot read (and glues it onto the
 * next key), so each line is first checked to start with `KEY=`; throws "<file>:<line>: expected
 * KEY=VALUE, got …" for the first one that does not.
 */
export function parseEnvFile(text: string, fileName = "env file"): EnvVars {
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#") || /^(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=/.test(trimmed)) return;
    throw new Error(`${fileName}:${index + 1}: expected KEY=VALUE, got "${trimmed}"`);
  });
  const vars: EnvVars = {};
  for (const [key, value] of Object.entries(parseEnv(text))) if (value !== undefined) vars[key] = value;
  return vars;
}

export interface LoadedEnv {
  vars: EnvVars;
  /** The files read, in order (later ones win). */
  files: string[];
}

/** Reads env/.env.<name> and, when present, the git-ignored env/.env.<name>.user on top of it. */
export function loadEnv(name: string, envDir: string): LoadedEnv {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new Error(`invalid environment name "${name}" (use lowercase letters, digits and dashes, e.g. local or dev)`);
  }
  const base = join(envDir, `.env.${name}`);
  if (!existsSync(base)) throw new Error(`environment file ${base} not found`);
  const files = [base];
  const user = `${base}.user`;
  if (existsSync(user)) files.push(user);
  const vars: EnvVars = {};
  for (const file of files) Object.assign(vars, parseEnvFile(readFileSync(file, "utf8"), file));
  return { vars, files };
}
