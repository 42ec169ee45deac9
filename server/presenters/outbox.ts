import type * as t from "../db/tables";

type OutboxRow = typeof t.outboxItems.$inferSelect;

/** An outbox item as the client sees it: every column but the raw file, and whether there is one. */
export const outboxItemDto = (row: OutboxRow) => ({ ...row, raw: undefined, hasFile: Boolean(row.raw) });

/** The download of an outbox item's file: an invite's .ics or a recap's .eml, named by kind and the id's first 8 characters. */
export function outboxFile(row: OutboxRow, raw: string) {
  const invite = row.kind === "invite";
  return {
    contentType: invite ? "text/calendar; charset=utf-8; method=REQUEST" : "message/rfc822",
    filename: `${invite ? "invite" : "recap"}-${row.id.slice(0, 8)}.${invite ? "ics" : "eml"}`,
    body: raw,
  };
}
