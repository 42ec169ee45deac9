import type { Agenda } from "../../../contracts/agenda";
import { INTERNAL_TAG, type RecapBlock, type RecapBullet, type RecapSection } from "./recapDocument";
import type { CapturedNote } from "./recapInput";

// The bullet points discussed, grouped by agenda item in agenda order. An item counts as
// discussed when a note of it is ticked discussed or holds text. Each line of a note is a
// bullet of its own; a leading "-", "*" or "•" typed by the note-taker is dropped.

const BULLET_MARK = /^[-*•]\s+/;

function noteBullets(note: CapturedNote): RecapBullet[] {
  const tags = note.internalOnly ? [INTERNAL_TAG] : undefined;
  return note.body
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(BULLET_MARK, "").trim())
    .filter((line) => line !== "")
    .map((text) => (tags ? { text, tags } : { text }));
}

function itemBlocks(title: string, notes: readonly CapturedNote[]): RecapBlock[] {
  const bullets = notes.flatMap(noteBullets);
  const discussed = bullets.length > 0 || notes.some((n) => n.discussed);
  if (!discussed) return [];
  return [
    { kind: "subheading", text: title },
    bullets.length > 0 ? { kind: "bullets", bullets } : { kind: "paragraph", text: "Discussed; no notes were taken." },
  ];
}

/** `notes` must already be filtered for the audience. */
export function discussionSection(agenda: Agenda, notes: readonly CapturedNote[]): RecapSection {
  const keys = new Set(agenda.items.map((i) => i.key));
  const blocks = agenda.items.flatMap((item) =>
    itemBlocks(
      item.title,
      notes.filter((n) => n.agendaItemKey === item.key),
    ),
  );
  blocks.push(
    ...itemBlocks(
      "Other notes",
      notes.filter((n) => !keys.has(n.agendaItemKey)),
    ),
  );
  return {
    key: "discussion",
    heading: "What we discussed",
    blocks: blocks.length > 0 ? blocks : [{ kind: "empty", text: "No discussion notes were captured." }],
  };
}
