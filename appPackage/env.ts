import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type EnvVars = Record<string, string>;

/**
 * Parses a dotenv-style file: KEY=VALUE lines, `#` comment lines, blank lines, optional
 * `export ` prefix, optional single or double quotes; ` #` after an unquoted value starts a comment.
 */
export function parseEnvFile(text: string, fileName = "env file"): EnvVars {
  const vars: EnvVars = {};
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(trimmed);
    if (!match) throw new Error(`${fileName}:${index + 1}: expected KEY=VALUE, got "${trimmed}"`);
    const key = match[1] ?? "";
    let value = match[2] ?? "";
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
    } else {
      value = value.replace(/\s+#.*$/, "").trim();
    }
    vars[key] = value;
  });
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
