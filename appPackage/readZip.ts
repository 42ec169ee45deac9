import { inflateRawSync } from "node:zlib";
import { crc32 } from "./crc32";

/**
 * Reads a zip archive through its central directory (as real unzip tools do), inflating each
 * entry and checking its CRC-32 and size. Supports stored and deflated entries, no zip64.
 */
export function readZip(zip: Uint8Array): { name: string; data: Buffer }[] {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("readZip: end of central directory not found");

  const count = buf.readUInt16LE(end + 10);
  let pointer = buf.readUInt32LE(end + 16);
  const entries: { name: string; data: Buffer }[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(pointer) !== 0x02014b50) throw new Error(`readZip: bad central header #${n}`);
    const method = buf.readUInt16LE(pointer + 10);
    const crc = buf.readUInt32LE(pointer + 16);
    const compressedSize = buf.readUInt32LE(pointer + 20);
    const size = buf.readUInt32LE(pointer + 24);
    const nameLength = buf.readUInt16LE(pointer + 28);
    const extraLength = buf.readUInt16LE(pointer + 30);
    const commentLength = buf.readUInt16LE(pointer + 32);
    const localOffset = buf.readUInt32LE(pointer + 42);
    const name = buf.subarray(pointer + 46, pointer + 46 + nameLength).toString("utf8");

    if (buf.readUInt32LE(localOffset) !== 0x04034b50) throw new Error(`readZip: bad local header for ${name}`);
    const localName = buf.subarray(localOffset + 30, localOffset + 30 + buf.readUInt16LE(localOffset + 26));
    if (localName.toString("utf8") !== name) throw new Error(`readZip: local and central names differ for ${name}`);
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const body = buf.subarray(start, start + compressedSize);

    let data: Buffer;
    if (method === 0) data = Buffer.from(body);
    else if (method === 8) data = inflateRawSync(body);
    else throw new Error(`readZip: ${name} uses unsupported method ${method}`);
    if (data.length !== size) throw new Error(`readZip: ${name} is ${data.length} bytes, expected ${size}`);
    if (crc32(data) !== crc) throw new Error(`readZip: ${name} fails its CRC check`);

    entries.push({ name, data });
    pointer += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
