-- Full-text search across a project's meetings, notes and RAID log (issue 17 §6). Each searched
-- table gets a stored generated tsvector and a GIN index, so search reads the index on PostgreSQL
-- and on PGlite alike. Two vectors per row: 'english' (stemmed: "suppressed" finds "suppression")
-- and 'simple' (the words as written, for prefix queries: "invo:*" finds "invoices", which the
-- stemmer turns into "invoic"). People's names are indexed too: a name finds what they own.
ALTER TABLE "raid_items" ADD COLUMN "search_tsv" tsvector GENERATED ALWAYS AS (
  to_tsvector('english'::regconfig,
    coalesce("title", '') || ' ' || coalesce("description", '') || ' ' || coalesce("deliverable", '') || ' ' ||
    coalesce("provider", '') || ' ' || coalesce("recipient", '') || ' ' || coalesce("needed_for", '') || ' ' ||
    coalesce("location", '') || ' ' || coalesce("repro_steps", '') || ' ' || coalesce("decided_by", '') || ' ' || coalesce("reported_by", ''))
  || to_tsvector('simple'::regconfig,
    coalesce("title", '') || ' ' || coalesce("description", '') || ' ' || coalesce("deliverable", '') || ' ' ||
    coalesce("provider", '') || ' ' || coalesce("recipient", '') || ' ' || coalesce("needed_for", '') || ' ' ||
    coalesce("location", '') || ' ' || coalesce("repro_steps", '') || ' ' || coalesce("decided_by", '') || ' ' || coalesce("reported_by", ''))
) STORED;
--> statement-breakpoint
CREATE INDEX "raid_items_search_idx" ON "raid_items" USING gin ("search_tsv");
--> statement-breakpoint
ALTER TABLE "agenda_notes" ADD COLUMN "search_tsv" tsvector GENERATED ALWAYS AS (
  to_tsvector('english'::regconfig, coalesce("body", '')) || to_tsvector('simple'::regconfig, coalesce("body", ''))
) STORED;
--> statement-breakpoint
CREATE INDEX "agenda_notes_search_idx" ON "agenda_notes" USING gin ("search_tsv");
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "search_tsv" tsvector GENERATED ALWAYS AS (
  to_tsvector('english'::regconfig, coalesce("subject", '')) || to_tsvector('simple'::regconfig, coalesce("subject", ''))
) STORED;
--> statement-breakpoint
CREATE INDEX "meetings_search_idx" ON "meetings" USING gin ("search_tsv");
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search_tsv" tsvector GENERATED ALWAYS AS (
  to_tsvector('english'::regconfig, coalesce("name", '')) || to_tsvector('simple'::regconfig, coalesce("name", ''))
) STORED;
--> statement-breakpoint
CREATE INDEX "people_search_idx" ON "people" USING gin ("search_tsv");
