CREATE TABLE "project_revisions" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"rev" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_revisions" ADD CONSTRAINT "project_revisions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Bumps the revision of every project a statement touched (statement-level, from the
-- transition tables: a 100,000-row import costs one upsert, not 100,000).
CREATE FUNCTION callbook_bump_revisions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  column_name text := TG_ARGV[0];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format(
      'INSERT INTO project_revisions (project_id, tenant_id, rev)
         SELECT DISTINCT n.%1$I, n.tenant_id, 1 FROM new_rows n JOIN projects p ON p.id = n.%1$I
       ON CONFLICT (project_id) DO UPDATE SET rev = project_revisions.rev + 1', column_name);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format(
      'INSERT INTO project_revisions (project_id, tenant_id, rev)
         SELECT DISTINCT o.%1$I, o.tenant_id, 1 FROM old_rows o JOIN projects p ON p.id = o.%1$I
       ON CONFLICT (project_id) DO UPDATE SET rev = project_revisions.rev + 1', column_name);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- People are the tenant's directory: a change bumps every project they are a member of.
CREATE FUNCTION callbook_bump_people_revisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO project_revisions (project_id, tenant_id, rev)
      SELECT DISTINCT pm.project_id, pm.tenant_id, 1 FROM new_rows n JOIN project_members pm ON pm.person_id = n.id
    ON CONFLICT (project_id) DO UPDATE SET rev = project_revisions.rev + 1;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO project_revisions (project_id, tenant_id, rev)
      SELECT DISTINCT pm.project_id, pm.tenant_id, 1 FROM old_rows o JOIN project_members pm ON pm.person_id = o.id
    ON CONFLICT (project_id) DO UPDATE SET rev = project_revisions.rev + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "projects_revision_insert" AFTER INSERT ON "projects" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('id');
--> statement-breakpoint
CREATE TRIGGER "projects_revision_update" AFTER UPDATE ON "projects" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('id');
--> statement-breakpoint
CREATE TRIGGER "milestones_revision_insert" AFTER INSERT ON "milestones" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "milestones_revision_update" AFTER UPDATE ON "milestones" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "milestones_revision_delete" AFTER DELETE ON "milestones" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "tasks_revision_insert" AFTER INSERT ON "tasks" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "tasks_revision_update" AFTER UPDATE ON "tasks" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "tasks_revision_delete" AFTER DELETE ON "tasks" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "raid_items_revision_insert" AFTER INSERT ON "raid_items" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "raid_items_revision_update" AFTER UPDATE ON "raid_items" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "raid_items_revision_delete" AFTER DELETE ON "raid_items" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "change_requests_revision_insert" AFTER INSERT ON "change_requests" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "change_requests_revision_update" AFTER UPDATE ON "change_requests" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "change_requests_revision_delete" AFTER DELETE ON "change_requests" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "support_cases_revision_insert" AFTER INSERT ON "support_cases" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "support_cases_revision_update" AFTER UPDATE ON "support_cases" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "support_cases_revision_delete" AFTER DELETE ON "support_cases" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "vendors_revision_insert" AFTER INSERT ON "vendors" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "vendors_revision_update" AFTER UPDATE ON "vendors" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "vendors_revision_delete" AFTER DELETE ON "vendors" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "project_members_revision_insert" AFTER INSERT ON "project_members" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "project_members_revision_update" AFTER UPDATE ON "project_members" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "project_members_revision_delete" AFTER DELETE ON "project_members" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "meetings_revision_insert" AFTER INSERT ON "meetings" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "meetings_revision_update" AFTER UPDATE ON "meetings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "meetings_revision_delete" AFTER DELETE ON "meetings" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_revisions('project_id');
--> statement-breakpoint
CREATE TRIGGER "people_revision_insert" AFTER INSERT ON "people" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_people_revisions();
--> statement-breakpoint
CREATE TRIGGER "people_revision_update" AFTER UPDATE ON "people" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_people_revisions();
--> statement-breakpoint
CREATE TRIGGER "people_revision_delete" AFTER DELETE ON "people" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_people_revisions();
--> statement-breakpoint
ALTER TABLE "project_revisions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "project_revisions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "project_revisions"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
