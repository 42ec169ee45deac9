import { AppManifestUtils } from "@microsoft/app-manifest";
import { checkManifest, SCHEMA_URL, type CheckOptions, type ManifestV130 } from "./checkManifest";

/**
 * Validates against the v1.30 JSON schema bundled in @microsoft/app-manifest, offline.
 * Any other $schema would make the library fetch it over the network, so that is refused here.
 */
export async function validateAgainstSchema(manifest: ManifestV130): Promise<string[]> {
  if (manifest.$schema !== SCHEMA_URL) {
    return [`$schema must be ${SCHEMA_URL} to validate offline (got ${String(manifest.$schema)})`];
  }
  return AppManifestUtils.validateAgainstSchema(manifest);
}

export interface ManifestReport {
  schemaErrors: string[];
  checkErrors: string[];
}

/** Schema validation plus Callbook's own checks (see checkManifest.ts). */
export async function validateManifest(manifest: ManifestV130, opts: CheckOptions): Promise<ManifestReport> {
  return { schemaErrors: await validateAgainstSchema(manifest), checkErrors: checkManifest(manifest, opts) };
}

/** All problems as lines, schema ones first, each prefixed with where it came from. */
export function formatReport(report: ManifestReport): string[] {
  return [...report.schemaErrors.map((e) => `schema: ${e.trim()}`), ...report.checkErrors.map((e) => `check: ${e}`)];
}
