import { unzipSync } from "fflate";

/**
 * Reads a zip archive with fflate (through its central directory, as real unzip tools do),
 * returning the entries in archive order. Stored and deflated entries; throws on a truncated
 * archive, an unsupported method or a deflate stream that does not decode. fflate does not check
 * CRC-32s: the package tests also run `unzip -t` over the archive.
 */
export function readZip(zip: Uint8Array): { name: string; data: Buffer }[] {
  return Object.entries(unzipSync(zip)).map(([name, data]) => ({ name, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) }));
}
