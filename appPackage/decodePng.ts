import { inflateSync } from "node:zlib";
import { crc32 } from "./crc32";
import type { RgbaImage } from "./encodePng";

const SIGNATURE = "89504e470d0a1a0a";

/** Width and height from the IHDR chunk; throws if `data` is not a PNG. */
export function readPngSize(data: Uint8Array): { width: number; height: number } {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 24 || buf.subarray(0, 8).toString("hex") !== SIGNATURE) {
    throw new Error("not a PNG file (bad signature)");
  }
  if (buf.subarray(12, 16).toString("latin1") !== "IHDR") throw new Error("PNG does not start with IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Decodes a non-interlaced 8-bit RGBA PNG (what encodePng writes), checking every chunk CRC. */
export function decodePng(data: Uint8Array): RgbaImage {
  const { width, height } = readPngSize(data);
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const idat: Buffer[] = [];
  let offset = 8;
  let ended = false;
  while (offset + 12 <= buf.length && !ended) {
    const length = buf.readUInt32BE(offset);
    const type = buf.subarray(offset + 4, offset + 8).toString("latin1");
    const body = buf.subarray(offset + 8, offset + 8 + length);
    const storedCrc = buf.readUInt32BE(offset + 8 + length);
    if (crc32(buf.subarray(offset + 4, offset + 8 + length)) !== storedCrc) {
      throw new Error(`PNG chunk ${type} has a bad CRC`);
    }
    if (type === "IHDR" && (body[8] !== 8 || body[9] !== 6 || body[12] !== 0)) {
      throw new Error("decodePng supports only 8-bit RGBA, non-interlaced images");
    }
    if (type === "IDAT") idat.push(body);
    if (type === "IEND") ended = true;
    offset += 12 + length;
  }
  if (!ended) throw new Error("PNG has no IEND chunk");

  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  if (raw.length !== (stride + 1) * height) throw new Error("PNG image data has the wrong length");
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = left; break;
        case 2: predictor = up; break;
        case 3: predictor = (left + up) >> 1; break;
        case 4: predictor = paeth(left, up, upLeft); break;
        default: throw new Error(`PNG row ${y} has unknown filter type ${String(filter)}`);
      }
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}
