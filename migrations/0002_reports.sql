CREATE TABLE "demand_counts" (
	"month" text NOT NULL,
	"municipality" text NOT NULL,
	"need" text NOT NULL,
	"urgency" text NOT NULL,
	"found_local" boolean NOT NULL,
	"found_any" boolean NOT NULL,
	"requests" integer NOT NULL,
	CONSTRAINT "demand_counts_pk" PRIMARY KEY("month","municipality","need","urgency","found_local","found_any"),
	CONSTRAINT "demand_counts_month" CHECK ("demand_counts"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "referral_counts" (
	"month" text NOT NULL,
	"service_id" uuid NOT NULL,
	"municipality" text NOT NULL,
	"need" text NOT NULL,
	"referrals" integer NOT NULL,
	CONSTRAINT "referral_counts_pk" PRIMARY KEY("month","service_id","municipality","need"),
	CONSTRAINT "referral_counts_month" CHECK ("referral_counts"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "referral_counts" ADD CONSTRAINT "referral_counts_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_counts_service" ON "referral_counts" USING btree ("service_id");