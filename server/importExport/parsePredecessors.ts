// Predecessor cells as MS Project and SmartSheet write them: "22FS+2h", "7SS-1d", "3", "5FF+50%",
// "14SF+2ed", "3FS +2d", several separated by commas or semicolons. Lags are normalised to
// minutes with MS Project's default calendar (8 h a working day, 40 h a week, 20 working days a
// month; an elapsed day is 24 h, an elapsed month 30 days), or kept as a percentage of the
// predecessor's duration. Source: MS Project "Link tasks" help (lag and lead time units).

export type LinkType = "FS" | "SS" | "FF" | "SF";

export interface WrittenLink {
  /** The ID or row number the link names, as written. */
  ref: string;
  type: LinkType;
  /** The lag as written ("+2h", "-1ed", "+50%"), "" when none. */
  lagText: string;
  /** Working or elapsed minutes (negative: lead); null for a percentage lag. */
  lagMinutes: number | null;
  /** Percent of the predecessor's duration; null unless written with %. */
  lagPercent: number | null;
  elapsed: boolean;
}

const working: Record<string, number> = { m: 1, h: 60, d: 480, w: 2400, mo: 9600 };
const elapsedUnits: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10_080, mo: 43_200 };
const unitWords: Record<string, string> = {
  m: "m", min: "m", mins: "m", minute: "m", minutes: "m",
  h: "h", hr: "h", hrs: "h", hour: "h", hours: "h",
  d: "d", dy: "d", day: "d", days: "d",
  w: "w", wk: "w", wks: "w", week: "w", weeks: "w",
  mo: "mo", mon: "mo", mons: "mo", month: "mo", months: "mo",
};
const LINK = /^([A-Za-z0-9_.]+?)\s*(FS|SS|FF|SF)?\s*(?:([+-])\s*(\d+(?:[.,]\d+)?)\s*(e?)([a-z]*|%))?$/i;
export const linkTypeWords: Record<LinkType, string> = { FS: "finish-to-start", SS: "start-to-start", FF: "finish-to-finish", SF: "start-to-finish" };

/** Parses a predecessor cell. Throws an Error whose message says which part is not a link. */
export function parsePredecessors(text: string): WrittenLink[] {
  const parts = text.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  return parts.map((part) => {
    const m = LINK.exec(part);
    if (!m) throw new Error(`'${part}' is not a predecessor link (like 22FS+2h)`);
    const [, ref = "", type = "FS", sign, amount, e, unitText = ""] = m;
    if (!sign) return { ref, type: type.toUpperCase() as LinkType, lagText: "", lagMinutes: 0, lagPercent: null, elapsed: false };
    const value = Number((amount ?? "0").replace(",", ".")) * (sign === "-" ? -1 : 1);
    const lagText = part.slice(part.search(/[+-]/)).replace(/\s+/g, "");
    if (unitText === "%") return { ref, type: type.toUpperCase() as LinkType, lagText, lagMinutes: null, lagPercent: value, elapsed: false };
    // "emo"/"ed" are elapsed; a bare "e" prefix before a unit. A lone "e" is not a unit.
    const unit = unitWords[(unitText || "d").toLowerCase()];
    if (!unit) throw new Error(`'${part}': '${e ?? ""}${unitText}' is not a lag unit (m, h, d, w, mo, with e for elapsed, or %)`);
    const elapsed = e === "e" || e === "E";
    const minutes = value * ((elapsed ? elapsedUnits : working)[unit] ?? 0);
    return { ref, type: type.toUpperCase() as LinkType, lagText, lagMinutes: Math.round(minutes), lagPercent: null, elapsed };
  });
}

/** "+2 h", "-1 elapsed day", "+50 %" as words for the report. */
export function lagWords(link: WrittenLink): string {
  if (link.lagPercent !== null) return `${link.lagPercent > 0 ? "+" : ""}${link.lagPercent}% of the predecessor`;
  if (!link.lagMinutes) return "no lag";
  return `${link.lagText} (${link.lagMinutes > 0 ? "+" : ""}${link.lagMinutes} ${link.elapsed ? "elapsed" : "working"} minutes)`;
}
