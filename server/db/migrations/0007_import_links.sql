ALTER TABLE "tasks" ADD COLUMN "predecessors" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "predecessor_links" jsonb;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "parent_task_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "outline_level" integer;
