CREATE TABLE "outbox_workers" (
	"id" text PRIMARY KEY NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "priority" text DEFAULT 'reply' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "dedupe_kind" text;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "part_no" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_messages_dedupe" ON "outbound_messages" USING btree ("dedupe_kind","dedupe_key","part_no") WHERE "outbound_messages"."dedupe_kind" is not null;