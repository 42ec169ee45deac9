-- Issue 17 §4 hardening: a sync lease per plan, so page-open polls on two instances never run
-- the same project's sync at once (the second skips), and a claim written before each Planner
-- create, so a create whose answer was lost is found in the plan and adopted, not made twice.
ALTER TABLE "planner_plans" ADD COLUMN "sync_lease_until" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "planner_plans" ADD COLUMN "sync_lease_owner" text;
--> statement-breakpoint
CREATE TABLE "planner_task_claims" (
	"tenant_id" text NOT NULL,
	"raid_item_id" uuid PRIMARY KEY NOT NULL REFERENCES "raid_items"("id") ON DELETE cascade,
	"project_id" uuid NOT NULL REFERENCES "projects"("id") ON DELETE cascade,
	"plan_id" text NOT NULL,
	"marker" text NOT NULL,
	"title" text NOT NULL,
	"due_date_time" text,
	"assignee" text,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "planner_task_claims" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "planner_task_claims" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "planner_task_claims"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
-- Issue 17 §5 hardening: one row per consent pop-up opened for sending without the PM: the PKCE
-- verifier (sealed) and who it was opened for; the signed `state` names the row and is used once.
CREATE TABLE "consent_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"person_id" uuid NOT NULL REFERENCES "people"("id") ON DELETE cascade,
	"verifier" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "consent_requests" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "consent_requests" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "consent_requests"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
