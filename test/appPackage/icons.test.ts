import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodePng, readPngSize } from "../../appPackage/decodePng";
import { encodePng } from "../../appPackage/encodePng";
import { ACCENT, renderIcons } from "../../appPackage/makeIcons";
import { ROOT } from "./helpers";

const read = (path: string) => readFileSync(join(ROOT, path));

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
    expect([...pixels.subarray(0, 3)]).toEqual([ACCENT.r, ACCENT.g, ACCENT.b]);
    const whiteCount = Array.from({ length: width * width }, (_, p) => p).filter(
      (p) => pixels[p * 4] === 255 && pixels[p * 4 + 1] === 255 && pixels[p * 4 + 2] === 255,
    ).length;
    expect(whiteCount).toBeGreaterThan(width * width * 0.05);
  });

  it("the committed PNGs are exactly what appPackage/makeIcons.ts draws", () => {
    for (const [path, png] of renderIcons()) expect(read(path).equals(png), `${path} is stale: run makeIcons.ts`).toBe(true);
  });

  it("encodePng and decodePng round-trip, and a corrupted chunk is caught", () => {
    const pixels = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256);
    const png = encodePng({ width: 3, height: 2, pixels });
    expect(decodePng(png)).toEqual({ width: 3, height: 2, pixels });
    const corrupt = Buffer.from(png);
    corrupt[40] = (corrupt[40] ?? 0) ^ 0xff;
    expect(() => decodePng(corrupt)).toThrow(/bad CRC/);
  });
});
