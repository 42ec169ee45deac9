-- Teams meeting identity beyond the chat id: the numeric join meeting id (short links,
-- MC772556: https://teams.microsoft.com/meet/<id>?p=<passcode>) and the thread key read from a
-- join link ("19:meeting_…@thread.v2", "19:gcch:meeting_…", a channel's "19:…@thread.tacv2;messageid=<post>").
ALTER TABLE "meetings" ADD COLUMN "join_meeting_id" text;
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "join_thread_key" text;
--> statement-breakpoint
UPDATE "meetings" SET "join_thread_key" = "chat_id" WHERE "chat_id" LIKE '19:%';
--> statement-breakpoint
CREATE INDEX "meetings_join_ids_idx" ON "meetings" USING btree ("tenant_id","join_meeting_id");
--> statement-breakpoint
CREATE INDEX "meetings_join_thread_idx" ON "meetings" USING btree ("tenant_id","join_thread_key");
--> statement-breakpoint
CREATE INDEX "meetings_join_url_idx" ON "meetings" USING btree ("tenant_id","join_web_url");
