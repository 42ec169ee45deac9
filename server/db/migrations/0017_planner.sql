-- Issue 17 §4: a project's Microsoft Planner plan and the link of each action item to its task.
CREATE TABLE "planner_plans" (
	"tenant_id" text NOT NULL,
	"project_id" uuid PRIMARY KEY NOT NULL REFERENCES "projects"("id") ON DELETE cascade,
	"plan_id" text NOT NULL,
	"plan_title" text,
	"set_by_person_id" uuid REFERENCES "people"("id") ON DELETE set null,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"polled_at" timestamp with time zone,
	"throttled_until" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "planner_tasks" (
	"tenant_id" text NOT NULL,
	"raid_item_id" uuid PRIMARY KEY NOT NULL REFERENCES "raid_items"("id") ON DELETE cascade,
	"project_id" uuid NOT NULL REFERENCES "projects"("id") ON DELETE cascade,
	"plan_id" text NOT NULL,
	"task_id" text NOT NULL,
	"etag" text NOT NULL,
	"state" text DEFAULT 'linked' NOT NULL,
	"synced_version" integer NOT NULL,
	"synced_title" text NOT NULL,
	"synced_due_date" date,
	"synced_done" boolean NOT NULL,
	"synced_assignee" text,
	"linked_back" boolean DEFAULT false NOT NULL,
	"unlinked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "planner_tasks_task_uq" ON "planner_tasks" ("tenant_id", "task_id");
--> statement-breakpoint
CREATE INDEX "planner_tasks_project_idx" ON "planner_tasks" ("tenant_id", "project_id");
--> statement-breakpoint
-- The person's Entra object id (Planner assignments), resolved through Graph once.
ALTER TABLE "people" ADD COLUMN "entra_object_id" text;
--> statement-breakpoint
-- Issue 17 §5: a PM's msal-node token cache (refresh token inside), AES-256-GCM under TOKEN_CACHE_KEY.
CREATE TABLE "delegated_token_caches" (
	"tenant_id" text NOT NULL,
	"person_id" uuid NOT NULL REFERENCES "people"("id") ON DELETE cascade,
	"home_account_id" text NOT NULL,
	"ciphertext" text NOT NULL,
	"state" text DEFAULT 'connected' NOT NULL,
	"reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	PRIMARY KEY ("tenant_id", "person_id")
);
--> statement-breakpoint
ALTER TABLE "planner_plans" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "planner_plans" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "planner_plans"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "planner_tasks" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "planner_tasks" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "planner_tasks"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "delegated_token_caches" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "delegated_token_caches" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "delegated_token_caches"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
