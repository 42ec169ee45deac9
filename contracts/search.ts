import { z } from "zod";

/** `GET /api/projects/:id/search?q=…`: the search box's text (websearch syntax; the last word also counts as a prefix). */
export const searchQuery = z.object({
  q: z.string().trim().min(1, "is required").max(200),
  limit: z.coerce.number().int().min(1).max(50).default(30),
});

/** What a hit is: a meeting (its subject), a note taken in one, or a RAID log entry by kind. */
export type SearchHitKind = "meeting" | "note" | "action" | "decision" | "risk" | "issue";

/** A stretch of a hit's text; `match` marks the words the query found. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHitDto {
  kind: SearchHitKind;
  id: string;
  /** Title of the entry, subject of the meeting, or the note's first words. */
  title: string;
  /** The text around the matched words (PostgreSQL ts_headline). */
  snippet: SnippetPart[];
  /** The call it belongs to or was raised in, if any. */
  meeting: { id: string; subject: string; startsAt: string } | null;
  /** Owner of a RAID entry, when it has one (a name search finds what a person owns). */
  ownerName: string | null;
  status: "open" | "closed" | null;
  dueDate: string | null;
  internalOnly: boolean;
  /** Where the hit opens in the app: its meeting, or the project's RAID log. */
  href: string;
}

export interface SearchResultDto {
  query: string;
  hits: SearchHitDto[];
}
