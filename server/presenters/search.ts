import type { SearchHitDto, SearchHitKind, SnippetPart } from "../../contracts/search";
import { iso } from "./iso";

/** Marks ts_headline puts around matched words (control characters: never typed in meeting notes). */
export const HEADLINE_START = "\u0002";
export const HEADLINE_STOP = "\u0003";

/** ts_headline's text cut into plain and matched parts (adjacent marks merged; empty parts dropped). */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of headline.split(HEADLINE_START).entries()) {
    const [matched, after] = i === 0 ? [null, chunk] : [chunk.split(HEADLINE_STOP)[0] ?? "", chunk.split(HEADLINE_STOP).slice(1).join("")];
    if (matched) parts.push({ text: matched, match: true });
    if (after) parts.push({ text: after, match: false });
  }
  return parts;
}

/** One search hit as the API sends it; `href` is the meeting's page, else the project's RAID log. */
export function searchHitDto(h: {
  kind: SearchHitKind;
  id: string;
  title: string;
  headline: string;
  projectId: string;
  meeting: { id: string; subject: string; startsAt: string } | null;
  ownerName: string | null;
  status: "open" | "closed" | null;
  dueDate: string | null;
  internalOnly: boolean;
}): SearchHitDto {
  const title = h.kind === "note" && h.title.length > 80 ? `${h.title.slice(0, 79)}…` : h.title;
  return {
    kind: h.kind,
    id: h.id,
    title,
    snippet: snippetParts(h.headline),
    meeting: h.meeting ? { ...h.meeting, startsAt: iso(h.meeting.startsAt) ?? h.meeting.startsAt } : null,
    ownerName: h.ownerName,
    status: h.status,
    dueDate: h.dueDate,
    internalOnly: h.internalOnly,
    href: h.meeting ? `/meetings/${h.meeting.id}` : `/projects/${h.projectId}#raid`,
  };
}
