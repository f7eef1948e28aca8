ALTER TABLE "services" ADD COLUMN "interpretation_services" text;--> statement-breakpoint
UPDATE "services" SET "interpretation_services" = "extra"->>'interpretation_services', "extra" = "extra" - 'interpretation_services' WHERE "extra" ? 'interpretation_services';
