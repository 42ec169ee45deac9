-- Issue 19: every instance's in-memory agenda keys (revision, meeting version, membership and
-- audience) are kept correct by one NOTIFY per changed project, sent by the database itself when
-- a project's revision moves (migration 0004 bumps it on every write to the project's data, its
-- members, meetings and people), so no code path can forget it. NOTIFY is sent at commit and
-- folded per transaction; the payload is the project id (far under the 8 kB limit).
CREATE FUNCTION callbook_notify_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('callbook_rev', NEW.project_id::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "project_revisions_notify" AFTER INSERT OR UPDATE ON "project_revisions" FOR EACH ROW EXECUTE FUNCTION callbook_notify_revision();
--> statement-breakpoint
-- A project deleted: its revision row goes by cascade; listeners drop what they hold for it.
CREATE FUNCTION callbook_notify_revision_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('callbook_rev', OLD.project_id::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "project_revisions_notify_delete" AFTER DELETE ON "project_revisions" FOR EACH ROW EXECUTE FUNCTION callbook_notify_revision_deleted();
--> statement-breakpoint
-- The agenda's latest finished tasks (status = 'done' order by updated_at desc limit 100): read
-- from the index instead of sorting every finished task of the project's history.
CREATE INDEX "tasks_status_updated_idx" ON "tasks" USING btree ("tenant_id","project_id","status","updated_at" DESC);
