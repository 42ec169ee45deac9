-- When the current agenda item was made current: the side panel's shared time box counts from it
-- (issue 16: a call that starts late must not show every item "Over").
ALTER TABLE "meetings" ADD COLUMN "current_agenda_item_started_at" timestamp with time zone;
