// Draws Callbook's icons (a "C" whose opening lets a check mark through) and writes them as PNGs.
// Run: node --import tsx appPackage/makeIcons.ts   (the outputs are committed; a test keeps them in sync)
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { encodePng, type RgbaImage } from "./encodePng";

/** Brand colour; also the manifest's accentColor. */
export const ACCENT = { r: 0x3b, g: 0x5b, b: 0xdb } as const;
/** Outlook ribbon icon sizes (the schema requires 16, 32 and 80). */
export const RIBBON_SIZES = [16, 32, 80] as const;

type Rgba = readonly [number, number, number, number];
const WHITE: Rgba = [255, 255, 255, 1];
const ACCENT_RGBA: Rgba = [ACCENT.r, ACCENT.g, ACCENT.b, 1];
const CLEAR: Rgba = [0, 0, 0, 0];
const SAMPLES = 4; // 4x4 supersampling per pixel for smooth edges

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The glyph in unit coordinates (0..1, y down): a thick "C" open to the right, and a check mark. */
function inGlyph(u: number, v: number): boolean {
  const angle = (Math.atan2(v - 0.5, u - 0.5) * 180) / Math.PI;
  const ring = Math.abs(Math.hypot(u - 0.5, v - 0.5) - 0.3) <= 0.075 && Math.abs(angle) >= 50;
  const check =
    distanceToSegment(u, v, 0.42, 0.52, 0.53, 0.63) <= 0.07 || distanceToSegment(u, v, 0.53, 0.63, 0.8, 0.34) <= 0.07;
  return ring || check;
}

/** The glyph shrunk around the centre by `scale` (1 = as drawn). */
function glyphAt(u: number, v: number, scale: number): boolean {
  return inGlyph(0.5 + (u - 0.5) / scale, 0.5 + (v - 0.5) / scale);
}

function inRoundedSquare(u: number, v: number, radius: number): boolean {
  const cx = Math.min(Math.max(u, radius), 1 - radius);
  const cy = Math.min(Math.max(v, radius), 1 - radius);
  return Math.hypot(u - cx, v - cy) <= radius;
}

/** Renders `size`×`size` pixels, averaging SAMPLES² points a pixel with premultiplied alpha. */
function render(size: number, colourAt: (u: number, v: number) => Rgba): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [cr, cg, cb, ca] = colourAt((x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size);
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
        pixels[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
      }
    }
  }
  return { width: size, height: size, pixels };
}

/** Teams colour icon: full-bleed accent background, white glyph. */
export function drawColorIcon(size = 192): RgbaImage {
  return render(size, (u, v) => (glyphAt(u, v, 0.62) ? WHITE : ACCENT_RGBA));
}

/** Teams outline icon: white glyph on a fully transparent background. */
export function drawOutlineIcon(size = 32): RgbaImage {
  return render(size, (u, v) => (glyphAt(u, v, 1) ? WHITE : CLEAR));
}

/** Outlook ribbon icon: accent rounded square with a white glyph, transparent corners. */
export function drawRibbonIcon(size: number): RgbaImage {
  return render(size, (u, v) => {
    if (!inRoundedSquare(u, v, 0.22)) return CLEAR;
    return glyphAt(u, v, 0.8) ? WHITE : ACCENT_RGBA;
  });
}

/** Every icon file, keyed by its path relative to the repository root. */
export function renderIcons(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  files.set("appPackage/color.png", encodePng(drawColorIcon()));
  files.set("appPackage/outline.png", encodePng(drawOutlineIcon()));
  for (const size of RIBBON_SIZES) files.set(`public/icons/icon-${size}.png`, encodePng(drawRibbonIcon(size)));
  return files;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  for (const [path, png] of renderIcons()) {
    writeFileSync(join(root, path), png);
    console.log(`wrote ${path} (${png.length} bytes)`);
  }
}
