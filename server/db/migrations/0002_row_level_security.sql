-- Row-level security: a second wall behind the tenant-scoped data layer.
-- Requests run with app.tenant_id set on their connection (server/db/tenantScope.ts); a row of
-- another tenant is then invisible and cannot be written, whatever a query's WHERE says.
-- System work (migrations, first-start seeding) runs with the setting empty.
-- Superusers bypass RLS: production connects as an ordinary role (docs/deploy.md).
ALTER TABLE "projects" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "projects" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "projects"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "people" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "people" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "people"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "project_members" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "project_members" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "project_members"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "milestones" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "milestones" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "milestones"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "tasks" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tasks" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tasks"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "meetings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "meetings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "meetings"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "raid_items" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "raid_items" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "raid_items"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "change_requests" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "change_requests" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "change_requests"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "support_cases" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "support_cases" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "support_cases"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "vendors" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "vendors" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "vendors"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "agenda_notes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "agenda_notes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "agenda_notes"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "meeting_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "meeting_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "meeting_events"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "agenda_item_states" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "agenda_item_states" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "agenda_item_states"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "outbox_items" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "outbox_items" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "outbox_items"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "follow_up_log" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "follow_up_log" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "follow_up_log"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "audit_log"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
