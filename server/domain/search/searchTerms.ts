// How a search box's text becomes PostgreSQL full-text queries (issue 17 §6). The text goes to
// websearch_to_tsquery as typed (quotes for phrases, "or", "-" to exclude: PostgreSQL's
// "Parsing Queries", www.postgresql.org/docs/current/textsearch-controls.html). While the user is
// still typing the last word, it also counts as a prefix: "paper supp" finds "paper suppression".

export interface SearchTerms {
  /** The text as typed, trimmed, for websearch_to_tsquery('english', …). */
  text: string;
  /**
   * The last word as a prefix (letters and digits only, lower case; safe inside to_tsquery), with
   * `rest` the text before it; null when the text ends in a space, a closing quote or punctuation,
   * inside an open phrase, or after "-".
   */
  prefix: { word: string; rest: string } | null;
}

/** Reads the search box's text. Pure; never throws (any text gives terms, possibly matching nothing). */
export function searchTerms(raw: string): SearchTerms {
  const text = raw.trim();
  const openQuote = (text.match(/"/g) ?? []).length % 2 === 1;
  const last = /([\p{L}\p{N}]+)$/u.exec(raw);
  if (!last?.[1] || openQuote) return { text, prefix: null };
  const rest = raw.slice(0, raw.length - last[1].length);
  if (/-$/.test(rest) || /[\p{L}\p{N}_'’]$/u.test(rest)) return { text, prefix: null };
  return { text, prefix: { word: last[1].toLowerCase(), rest: rest.trim() } };
}
