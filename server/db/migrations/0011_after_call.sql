-- After the call (issue 17): tasks can be internal-only (kept off customer messages).
ALTER TABLE "tasks" ADD COLUMN "internal_only" boolean DEFAULT false NOT NULL;
