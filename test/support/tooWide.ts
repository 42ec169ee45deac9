import type { Frame, Page } from "playwright-core";

/**
 * Every rendered element of a page or frame whose box sticks out past the viewport's width (CSS px),
 * described for a failure message ("div.xyz 12–334 > 320"), plus a line when the page scrolls
 * sideways. Elements inside a container that scrolls horizontally on purpose are not exempt.
 */
export async function tooWide(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 0.5 || r.left < -0.5) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).slice(0, 40)} ${Math.round(r.left)}–${Math.round(r.right)} > ${width}`);
    }
    if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    return out;
  });
}
