CREATE TABLE "audit_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"slot" text NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"aws_errors" jsonb,
	"failed_regions" jsonb,
	CONSTRAINT "audit_runs_slot_unique" UNIQUE("slot")
);
--> statement-breakpoint
CREATE TABLE "target_verdicts" (
	"audit_id" text NOT NULL,
	"account_id" text NOT NULL,
	"region" text NOT NULL,
	"kind" text NOT NULL,
	"target_id" text NOT NULL,
	"verdict" text NOT NULL,
	"findings" jsonb NOT NULL,
	CONSTRAINT "target_verdicts_audit_id_account_id_region_kind_target_id_pk" PRIMARY KEY("audit_id","account_id","region","kind","target_id")
);
--> statement-breakpoint
ALTER TABLE "target_verdicts" ADD CONSTRAINT "target_verdicts_audit_id_audit_runs_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audit_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_runs_finished_at_idx" ON "audit_runs" USING btree ("finished_at");