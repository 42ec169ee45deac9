import type { Rag } from "../../../contracts/types";

// The recap as format-neutral content: the HTML and text renderers read the same document,
// so both parts say the same thing. Every string here is plain text; only the HTML renderer
// turns it into markup, and it escapes all of it.

export interface RecapBullet {
  text: string;
  /** Words shown as labels ("internal only", "past due"): the word itself carries the meaning. */
  tags?: string[];
  /** Lines under the bullet: dependency, owner and due date, where and how to reproduce. */
  details?: string[];
  /** An https address the whole bullet links to (HTML: an anchor; text: the address after it). */
  href?: string;
}

export type RecapBlock =
  | { kind: "subheading"; text: string }
  | { kind: "paragraph"; text: string; lead?: string }
  | { kind: "bullets"; bullets: RecapBullet[] }
  | { kind: "rag"; rag: Rag }
  | { kind: "empty"; text: string };

export interface RecapSection {
  key: string;
  heading: string;
  blocks: RecapBlock[];
}

export interface RecapDocument {
  title: string;
  meta: string[];
  /** Shown above everything, e.g. the "internal recap, do not forward" warning. */
  notice: string | null;
  sections: RecapSection[];
  footer: string[];
}

export const ragWords: Record<Rag, string> = { green: "Green", amber: "Amber", red: "Red" };

export const INTERNAL_TAG = "internal only";
