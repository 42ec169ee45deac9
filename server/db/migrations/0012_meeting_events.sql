-- What the Teams bot posted for a meeting (issue 18): the recap card in the meeting chat (kept
-- so an update replaces it in place) and the targeted past-due notices (one per recipient, so a
-- participant-join after meetingStart does not notify twice). In outbox mode the same rows hold
-- what would have been sent, with delivered = 'outbox' and no activity id.
CREATE TABLE "bot_posts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"meeting_id" uuid NOT NULL REFERENCES "meetings"("id") ON DELETE CASCADE,
	"kind" text NOT NULL,
	"recipient_key" text DEFAULT '' NOT NULL,
	"conversation_id" text NOT NULL,
	"service_url" text NOT NULL,
	"activity_id" text,
	"delivered" text NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text NOT NULL,
	"card" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "bot_posts_uq" ON "bot_posts" USING btree ("tenant_id","meeting_id","kind","recipient_key");
--> statement-breakpoint
ALTER TABLE "bot_posts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "bot_posts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "bot_posts"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
