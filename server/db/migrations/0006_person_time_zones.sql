-- A person's own time zone (IANA) and working hours (issue 14 §2): colleagues' from the
-- workingHours that Graph getSchedule returns, the signed-in user's from mailboxSettings,
-- external people's entered on the people page. NULL = not known (US Eastern is assumed).
ALTER TABLE "people" ADD COLUMN "time_zone" text;
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "working_hours" jsonb;
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "time_zone_source" text;
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_time_zone_source_ck" CHECK ("time_zone_source" IS NULL OR "time_zone_source" IN ('entered', 'mailbox_settings', 'schedule'));
