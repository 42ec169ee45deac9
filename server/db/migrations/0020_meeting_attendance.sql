-- Issue 18 §3: Teams' attendance report of a meeting (who joined and left when) and its
-- recording and transcript metadata, read once from Microsoft Graph after the meeting and kept
-- here so the recap and the panel do not ask Graph again. One row per meeting.
CREATE TABLE "meeting_attendance" (
	"tenant_id" text NOT NULL,
	"meeting_id" uuid NOT NULL REFERENCES "meetings"("id") ON DELETE cascade,
	"online_meeting_id" text NOT NULL,
	"report_id" text NOT NULL,
	"thread_id" text,
	"artifacts" jsonb NOT NULL,
	"read_by" text,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("tenant_id", "meeting_id")
);
--> statement-breakpoint
ALTER TABLE "meeting_attendance" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "meeting_attendance" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "meeting_attendance"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
