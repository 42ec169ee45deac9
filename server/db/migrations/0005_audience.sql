-- The audience wall, second line (issue 13 §1): a connection stamped as an external caller
-- (app.audience = 'external', set per checkout by server/db/tenantScope.ts from the request's
-- audience) can neither read nor write internal-only RAID items and notes, whatever a query says.
-- Restrictive: ANDed with the tenant policy of 0002. An unset or empty setting (system work:
-- migrations, seeding) and 'internal' see every row of the tenant.
CREATE POLICY "audience_wall" ON "raid_items" AS RESTRICTIVE FOR ALL
  USING (coalesce(current_setting('app.audience', true), '') <> 'external' OR NOT "internal_only")
  WITH CHECK (coalesce(current_setting('app.audience', true), '') <> 'external' OR NOT "internal_only");
--> statement-breakpoint
CREATE POLICY "audience_wall" ON "agenda_notes" AS RESTRICTIVE FOR ALL
  USING (coalesce(current_setting('app.audience', true), '') <> 'external' OR NOT "internal_only")
  WITH CHECK (coalesce(current_setting('app.audience', true), '') <> 'external' OR NOT "internal_only");
