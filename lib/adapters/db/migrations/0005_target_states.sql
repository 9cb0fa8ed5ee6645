CREATE TABLE "target_states" (
	"account_id" text NOT NULL,
	"region" text NOT NULL,
	"kind" text NOT NULL,
	"target_id" text NOT NULL,
	"account_name" text NOT NULL,
	"verdict" text NOT NULL,
	"urgency" integer NOT NULL,
	"engine" text,
	"engine_version" text,
	"status" text NOT NULL,
	"topology" text NOT NULL,
	"vpc_id" text,
	"vpc_name" text,
	"port" integer,
	"parameter_group" text,
	"policy" text,
	"findings" jsonb NOT NULL,
	"weight" integer NOT NULL,
	"search" text NOT NULL,
	"audit_id" text,
	"audited_at" timestamp with time zone NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"stale_reason" text,
	CONSTRAINT "target_states_account_id_region_kind_target_id_pk" PRIMARY KEY("account_id","region","kind","target_id")
);
--> statement-breakpoint
ALTER TABLE "audit_runs" ADD COLUMN "accounts" jsonb;--> statement-breakpoint
CREATE INDEX "target_states_order_idx" ON "target_states" USING btree ("account_name","account_id","urgency","target_id");--> statement-breakpoint
CREATE INDEX "target_states_verdict_idx" ON "target_states" USING btree ("verdict");--> statement-breakpoint
CREATE INDEX "target_states_region_idx" ON "target_states" USING btree ("region");--> statement-breakpoint
CREATE INDEX "target_states_kind_idx" ON "target_states" USING btree ("kind");