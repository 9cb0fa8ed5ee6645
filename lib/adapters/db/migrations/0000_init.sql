CREATE TABLE "apply_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"region" text NOT NULL,
	"kind" text NOT NULL,
	"target_id" text NOT NULL,
	"user_name" text NOT NULL,
	"user_role" text NOT NULL,
	"status" text NOT NULL,
	"phase" text NOT NULL,
	"message" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"heartbeat_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"plan" jsonb NOT NULL,
	"convergence" jsonb,
	"readiness" jsonb,
	"outcome" jsonb
);
--> statement-breakpoint
CREATE TABLE "apply_steps" (
	"run_id" text NOT NULL,
	"position" integer NOT NULL,
	"step_id" text NOT NULL,
	"title" text NOT NULL,
	"operation" text NOT NULL,
	"status" text NOT NULL,
	"message" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "apply_steps_run_id_position_pk" PRIMARY KEY("run_id","position")
);
--> statement-breakpoint
CREATE TABLE "created_resources" (
	"run_id" text NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"region" text NOT NULL,
	"resource" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" text,
	CONSTRAINT "created_resources_run_id_position_pk" PRIMARY KEY("run_id","position")
);
--> statement-breakpoint
CREATE TABLE "leases" (
	"name" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"holder" text NOT NULL,
	"acquired_at" timestamp with time zone NOT NULL,
	"renewed_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "previews" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"region" text NOT NULL,
	"kind" text NOT NULL,
	"target_id" text NOT NULL,
	"user_name" text,
	"user_role" text,
	"plan" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "apply_steps" ADD CONSTRAINT "apply_steps_run_id_apply_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."apply_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "created_resources" ADD CONSTRAINT "created_resources_run_id_apply_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."apply_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "apply_runs_started_at_idx" ON "apply_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "apply_runs_target_idx" ON "apply_runs" USING btree ("account_id","region","kind","target_id");--> statement-breakpoint
CREATE INDEX "apply_runs_running_idx" ON "apply_runs" USING btree ("status","heartbeat_at");--> statement-breakpoint
CREATE INDEX "previews_expires_at_idx" ON "previews" USING btree ("expires_at");