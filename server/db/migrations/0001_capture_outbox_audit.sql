CREATE TABLE "agenda_item_states" (
	"tenant_id" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_key" text NOT NULL,
	"discussed" boolean DEFAULT false NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"project_id" uuid,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" text
);
--> statement-breakpoint
CREATE TABLE "outbox_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"kind" text NOT NULL,
	"project_id" uuid,
	"meeting_id" uuid,
	"subject" text NOT NULL,
	"from_email" text NOT NULL,
	"recipients" jsonb NOT NULL,
	"html" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"raw" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"graph_id" text,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "current_agenda_item_key" text;--> statement-breakpoint
ALTER TABLE "agenda_item_states" ADD CONSTRAINT "agenda_item_states_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_log" ADD CONSTRAINT "follow_up_log_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_items" ADD CONSTRAINT "outbox_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_items" ADD CONSTRAINT "outbox_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_item_states_pk" ON "agenda_item_states" USING btree ("tenant_id","meeting_id","agenda_item_key");--> statement-breakpoint
CREATE INDEX "audit_log_idx" ON "audit_log" USING btree ("tenant_id","project_id","created_at");--> statement-breakpoint
CREATE INDEX "follow_up_log_idx" ON "follow_up_log" USING btree ("tenant_id","project_id","kind","sent_at");--> statement-breakpoint
CREATE INDEX "outbox_tenant_idx" ON "outbox_items" USING btree ("tenant_id","created_at");