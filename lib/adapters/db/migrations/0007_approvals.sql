CREATE TABLE "audit_trail" (
	"seq" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_trail_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"event" text NOT NULL,
	"actor" text NOT NULL,
	"actor_role" text,
	"approval_id" text,
	"plan_hash" text,
	"targets" jsonb NOT NULL,
	"change_ref" text,
	"run_id" text,
	"request_ids" jsonb NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "plan_approvals" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_hash" text NOT NULL,
	"plan_text" text NOT NULL,
	"account_ids" jsonb NOT NULL,
	"targets" jsonb NOT NULL,
	"change_ref" text,
	"submitted_by" text NOT NULL,
	"submitted_via" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"comment" text,
	CONSTRAINT "plan_approvals_plan_hash_unique" UNIQUE("plan_hash")
);
--> statement-breakpoint
CREATE INDEX "audit_trail_at_idx" ON "audit_trail" USING btree ("at");--> statement-breakpoint
CREATE INDEX "plan_approvals_status_idx" ON "plan_approvals" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE FUNCTION "audit_trail_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_trail is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_trail_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_trail" FOR EACH ROW EXECUTE FUNCTION "audit_trail_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_trail_no_truncate" BEFORE TRUNCATE ON "audit_trail" FOR EACH STATEMENT EXECUTE FUNCTION "audit_trail_append_only"();
