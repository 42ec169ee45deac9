-- Issue 19: a capture write needs the project's directory (members, their people, vendors and
-- vendor people) on every POST. A counter per project, bumped by the database itself on every write
-- to those rows, lets each instance keep the directory in memory keyed on (project, counter): the
-- counter is read by the access query every write already makes, so a cached directory is never
-- older than the data, on any instance, with no NOTIFY. Unlike project_revisions (migration 0004)
-- it does not move when RAID items, notes, tasks or meetings are written.
CREATE TABLE "project_directory_revisions" (
	"project_id" uuid PRIMARY KEY NOT NULL REFERENCES "projects"("id") ON DELETE cascade,
	"tenant_id" text NOT NULL,
	"rev" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Statement-level, from the transition tables: project_members and vendors name their project.
CREATE FUNCTION callbook_bump_directory() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO project_directory_revisions (project_id, tenant_id, rev)
      SELECT DISTINCT n.project_id, n.tenant_id, 1 FROM new_rows n JOIN projects p ON p.id = n.project_id
    ON CONFLICT (project_id) DO UPDATE SET rev = project_directory_revisions.rev + 1;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO project_directory_revisions (project_id, tenant_id, rev)
      SELECT DISTINCT o.project_id, o.tenant_id, 1 FROM old_rows o JOIN projects p ON p.id = o.project_id
    ON CONFLICT (project_id) DO UPDATE SET rev = project_directory_revisions.rev + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A person is in a project's directory as a member (or a member's backup) or as a person of one
-- of its vendors: a change to them bumps every such project.
CREATE FUNCTION callbook_bump_people_directory() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO project_directory_revisions (project_id, tenant_id, rev)
      SELECT DISTINCT x.project_id, x.tenant_id, 1 FROM (
        SELECT pm.project_id, pm.tenant_id FROM new_rows n JOIN project_members pm ON pm.tenant_id = n.tenant_id AND (pm.person_id = n.id OR pm.backup_person_id = n.id)
        UNION
        SELECT v.project_id, v.tenant_id FROM new_rows n JOIN vendors v ON v.tenant_id = n.tenant_id AND v.id = n.vendor_id
      ) x
    ON CONFLICT (project_id) DO UPDATE SET rev = project_directory_revisions.rev + 1;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO project_directory_revisions (project_id, tenant_id, rev)
      SELECT DISTINCT x.project_id, x.tenant_id, 1 FROM (
        SELECT pm.project_id, pm.tenant_id FROM old_rows o JOIN project_members pm ON pm.tenant_id = o.tenant_id AND (pm.person_id = o.id OR pm.backup_person_id = o.id)
        UNION
        SELECT v.project_id, v.tenant_id FROM old_rows o JOIN vendors v ON v.tenant_id = o.tenant_id AND v.id = o.vendor_id
      ) x
    ON CONFLICT (project_id) DO UPDATE SET rev = project_directory_revisions.rev + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "project_members_directory_insert" AFTER INSERT ON "project_members" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_directory();
--> statement-breakpoint
CREATE TRIGGER "project_members_directory_update" AFTER UPDATE ON "project_members" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_directory();
--> statement-breakpoint
CREATE TRIGGER "project_members_directory_delete" AFTER DELETE ON "project_members" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_directory();
--> statement-breakpoint
CREATE TRIGGER "vendors_directory_insert" AFTER INSERT ON "vendors" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_directory();
--> statement-breakpoint
CREATE TRIGGER "vendors_directory_update" AFTER UPDATE ON "vendors" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_directory();
--> statement-breakpoint
CREATE TRIGGER "vendors_directory_delete" AFTER DELETE ON "vendors" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_directory();
--> statement-breakpoint
CREATE TRIGGER "people_directory_insert" AFTER INSERT ON "people" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_people_directory();
--> statement-breakpoint
CREATE TRIGGER "people_directory_update" AFTER UPDATE ON "people" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_people_directory();
--> statement-breakpoint
CREATE TRIGGER "people_directory_delete" AFTER DELETE ON "people" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION callbook_bump_people_directory();
--> statement-breakpoint
ALTER TABLE "project_directory_revisions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "project_directory_revisions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "project_directory_revisions"
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true))
  WITH CHECK (coalesce(current_setting('app.tenant_id', true), '') = '' OR "tenant_id" = current_setting('app.tenant_id', true));
