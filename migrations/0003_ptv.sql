CREATE TABLE "ptv_syncs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	"municipalities" jsonb NOT NULL,
	"full" boolean NOT NULL,
	"summary" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "source" jsonb;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "source" jsonb;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "source_terms" jsonb;