import { deflateSync, zipSync, type Zippable } from "fflate";

export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  data: Uint8Array;
}

// A fixed timestamp keeps packages byte-for-byte reproducible. fflate writes the DOS date and time
// from the local-time fields of a Date, so the Date is built from local fields too: the archive
// says 2025-01-01 00:00 whatever the machine's time zone.
const FIXED_MTIME = new Date(2025, 0, 1, 0, 0, 0);

/**
 * Builds a zip archive with fflate (deflate level 9, or stored when deflate does not make the entry
 * smaller; no zip64, no data descriptors; UTF-8 names get the language-encoding flag).
 * Throws on an empty, absolute, backslashed or `..` entry name, and on a duplicate name.
 */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const entry of entries) {
    if (!entry.name || entry.name.startsWith("/") || entry.name.includes("\\") || entry.name.split("/").includes("..")) {
      throw new Error(`writeZip: invalid entry name "${entry.name}"`);
    }
    if (Object.hasOwn(files, entry.name)) throw new Error(`writeZip: duplicate entry "${entry.name}"`);
    const deflates = deflateSync(entry.data, { level: 9 }).length < entry.data.length;
    files[entry.name] = [entry.data, { level: deflates ? 9 : 0 }];
  }
  const zip = zipSync(files, { mtime: FIXED_MTIME });
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}
