ALTER TABLE "services" ADD COLUMN "interpretation_services" text;--> statement-breakpoint
UPDATE "services" SET "interpretation_services" = "extra"->>'interpretation_services', "extra" = "extra" - 'interpretation_services' WHERE "extra" ? 'interpretation_services';
--> statement-breakpoint
-- Documents gain the interpretation flag and narrower need expansions: index every listing anew.
INSERT INTO "search_outbox" ("service_id") SELECT "id" FROM "services" WHERE "deleted_at" IS NULL;
