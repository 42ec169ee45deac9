-- After the call (issue 17): tasks can be internal-only (kept off customer messages).
ALTER TABLE "tasks" ADD COLUMN "internal_only" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- Reminder digests (issue 17 §2): at most one per person per local date, guaranteed by this key
-- in the outbox whatever the job runner does (at-least-once, several instances).
ALTER TABLE "outbox_items" ADD COLUMN "reminder_person_id" uuid;
--> statement-breakpoint
ALTER TABLE "outbox_items" ADD COLUMN "reminder_local_date" date;
--> statement-breakpoint
ALTER TABLE "outbox_items" ADD COLUMN "reminder_project_ids" jsonb;
--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_reminder_once_uq" ON "outbox_items" ("tenant_id", "reminder_person_id", "reminder_local_date") WHERE "reminder_person_id" IS NOT NULL;
--> statement-breakpoint
CREATE TABLE "reminder_mutes" (
	"tenant_id" text NOT NULL,
	"person_id" uuid NOT NULL REFERENCES "people"("id") ON DELETE cascade,
	"project_id" uuid NOT NULL REFERENCES "projects"("id") ON DELETE cascade,
	"muted_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("tenant_id", "person_id", "project_id")
);
--> statement-breakpoint
ALTER TABLE "reminder_mutes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reminder_mutes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reminder_mutes"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
