CREATE TABLE "verifications" (
	"account_id" text NOT NULL,
	"region" text NOT NULL,
	"kind" text NOT NULL,
	"target_id" text NOT NULL,
	"verification" jsonb NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "verifications_account_id_region_kind_target_id_pk" PRIMARY KEY("account_id","region","kind","target_id")
);
--> statement-breakpoint
ALTER TABLE "apply_runs" ADD COLUMN "origin" text;