import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodePng, readPngSize } from "../../appPackage/decodePng";
import { ROOT } from "./helpers";

const read = (path: string) => readFileSync(join(ROOT, path));
/** The manifest's accentColor ("#3B5BDB"), which the colour icon's background must match. */
const accent = (() => {
  const hex = (JSON.parse(read("appPackage/manifest.json").toString("utf8")) as { accentColor: string }).accentColor;
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
})();

describe("icons", () => {
  it.each([
    ["appPackage/color.png", 192],
    ["appPackage/outline.png", 32],
    ["public/icons/icon-16.png", 16],
    ["public/icons/icon-32.png", 32],
    ["public/icons/icon-80.png", 80],
  ])("%s is %ix%i (PNG header)", (path, size) => {
    expect(readPngSize(read(path))).toEqual({ width: size, height: size });
  });

  it("outline.png has only transparent or white pixels, and some of each", () => {
    const { pixels } = decodePng(read("appPackage/outline.png"));
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3];
      const isWhite = pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255;
      if (alpha === 0) transparent++;
      else if (isWhite) white++;
      else throw new Error(`pixel ${i / 4} is rgba(${[...pixels.subarray(i, i + 4)].join(",")})`);
    }
    expect(transparent).toBeGreaterThan(0);
    expect(white).toBeGreaterThan(0);
  });

  it("color.png is full-bleed: opaque everywhere, accent in the corners, white glyph in the middle", () => {
    const { width, pixels } = decodePng(read("appPackage/color.png"));
    const notOpaque = pixels.filter((value, i) => i % 4 === 3 && value !== 255).length;
    expect(notOpaque).toBe(0);
    expect([...pixels.subarray(0, 3)]).toEqual(accent);
    const whiteCount = Array.from({ length: width * width }, (_, p) => p).filter(
      (p) => pixels[p * 4] === 255 && pixels[p * 4 + 1] === 255 && pixels[p * 4 + 2] === 255,
    ).length;
    expect(whiteCount).toBeGreaterThan(width * width * 0.05);
  });

  it("a PNG with a corrupted chunk or no PNG signature is refused", () => {
    const png = read("appPackage/outline.png");
    const badCrc = Buffer.from(png);
    badCrc[png.length - 3] = (badCrc[png.length - 3] ?? 0) ^ 0xff; // inside the IEND chunk's CRC
    expect(() => decodePng(badCrc)).toThrow(/^PNG: Crc error/);
    const badData = Buffer.from(png);
    badData[100] = (badData[100] ?? 0) ^ 0xff; // inside the compressed image data
    expect(() => decodePng(badData)).toThrow(/^PNG: /);
    expect(() => readPngSize(Buffer.from("GIF89a, not a PNG"))).toThrow("not a PNG file (bad signature)");
  });
});
