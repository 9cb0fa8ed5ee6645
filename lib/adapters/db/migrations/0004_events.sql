CREATE TABLE "notification_deliveries" (
	"event_id" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"claimed_by" text,
	"claimed_until" timestamp with time zone,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_deliveries_event_id_channel_pk" PRIMARY KEY("event_id","channel")
);
--> statement-breakpoint
CREATE TABLE "target_events" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"region" text NOT NULL,
	"kind" text NOT NULL,
	"target_id" text NOT NULL,
	"audit_id" text,
	"event" text NOT NULL,
	"verdict_before" text,
	"verdict_after" text NOT NULL,
	"findings" jsonb NOT NULL,
	"changed_rules" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"since" timestamp with time zone,
	"cause" jsonb,
	"cause_checked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_event_id_target_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."target_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_deliveries_due_idx" ON "notification_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "target_events_at_idx" ON "target_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "target_events_target_idx" ON "target_events" USING btree ("account_id","region","kind","target_id","at");