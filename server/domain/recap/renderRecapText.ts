import { ragWords, type RecapBlock, type RecapBullet, type RecapDocument, type RecapSection } from "./recapDocument";

// The plain-text part: same content as the HTML, "- " bullets, wrapped at 76 columns with
// hanging indents. Only whitespace changes (runs of spaces fold, lines break); a word longer than the line
// (a URL) stays whole.

export const TEXT_WIDTH = 76;

/** Wraps one paragraph; `first` prefixes the first line, `rest` the following ones. */
export function wrapText(text: string, first = "", rest = first, width = TEXT_WIDTH): string[] {
  const out: string[] = [];
  for (const [index, paragraph] of text.split(/\r\n|\r|\n/).entries()) {
    let line = index === 0 ? first : rest;
    let empty = true;
    for (const word of paragraph.split(/[ \t]+/).filter((w) => w !== "")) {
      if (!empty && line.length + 1 + word.length > width) {
        out.push(line);
        line = rest + word;
      } else {
        line += (empty ? "" : " ") + word;
      }
      empty = false;
    }
    out.push(line.trimEnd());
  }
  return out;
}

const tagsOf = (tags: readonly string[] | undefined): string => (tags ?? []).map((t) => `[${t}] `).join("");

function bullet(b: RecapBullet): string[] {
  const text = b.href ? `${b.text}: ${b.href}` : b.text;
  return [...wrapText(`${tagsOf(b.tags)}${text}`, "- ", "  "), ...(b.details ?? []).flatMap((d) => wrapText(d, "  ", "  "))];
}

function block(b: RecapBlock): string[] {
  switch (b.kind) {
    case "subheading":
      return ["", ...wrapText(b.text)];
    case "paragraph":
      return wrapText(b.lead ? `${b.lead} ${b.text}` : b.text);
    case "bullets":
      return b.bullets.flatMap(bullet);
    case "rag":
      return [`RAG status: ${ragWords[b.rag]}`];
    case "empty":
      return wrapText(b.text);
  }
}

function section(s: RecapSection): string[] {
  return ["", "", s.heading.toUpperCase(), "=".repeat(s.heading.length), ...s.blocks.flatMap(block)];
}

export function renderRecapText(doc: RecapDocument): string {
  const lines = [
    ...(doc.notice ? [...wrapText(`*** ${doc.notice} ***`), ""] : []),
    ...wrapText(doc.title),
    ...doc.meta.flatMap((m) => wrapText(m)),
    ...doc.sections.flatMap(section),
    "",
    "--",
    ...doc.footer.flatMap((f) => wrapText(f)),
  ];
  return `${lines.join("\n")}\n`;
}
