import { PNG } from "pngjs";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An 8-bit RGBA image, rows top to bottom, 4 bytes a pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Width and height from the PNG header; throws if `data` is not a PNG or is corrupt (pngjs checks every chunk's CRC). */
export function readPngSize(data: Uint8Array): { width: number; height: number } {
  const { width, height } = decodePng(data);
  return { width, height };
}

/**
 * Decodes any PNG (any bit depth, colour type or interlace) to 8-bit RGBA with pngjs.
 * Throws "not a PNG file (bad signature)", or pngjs's error prefixed "PNG: " for a bad chunk CRC or corrupt image data.
 */
export function decodePng(data: Uint8Array): RgbaImage {
  if (Buffer.compare(Buffer.from(data.subarray(0, 8)), PNG_SIGNATURE) !== 0) throw new Error("not a PNG file (bad signature)");
  try {
    const png = PNG.sync.read(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    return { width: png.width, height: png.height, pixels: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
  } catch (error) {
    throw new Error(`PNG: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
