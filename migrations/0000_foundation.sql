CREATE TABLE "inbound_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"bot_id" text NOT NULL,
	"key" text NOT NULL,
	"chat_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbound_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"bot_id" text NOT NULL,
	"chat_id" text NOT NULL,
	"inbound_id" bigint,
	"part" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"platform_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"bot_id" text NOT NULL,
	"chat_id" text NOT NULL,
	"user_id" text NOT NULL,
	"display_name" text,
	"role" text DEFAULT 'resident' NOT NULL,
	"unreachable_at" timestamp with time zone,
	"unreachable_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_states" (
	"contact_id" bigint PRIMARY KEY NOT NULL,
	"state" jsonb NOT NULL,
	"expires_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media" (
	"id" text PRIMARY KEY NOT NULL,
	"mime" text NOT NULL,
	"filename" text,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "simulator_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"part" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversation_states" ADD CONSTRAINT "conversation_states_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_updates_key" ON "inbound_updates" USING btree ("channel","bot_id","key");--> statement-breakpoint
CREATE INDEX "inbound_updates_chat" ON "inbound_updates" USING btree ("channel","bot_id","chat_id","id");--> statement-breakpoint
CREATE INDEX "inbound_updates_status" ON "inbound_updates" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "outbound_messages_chat" ON "outbound_messages" USING btree ("channel","bot_id","chat_id","id");--> statement-breakpoint
CREATE INDEX "outbound_messages_status" ON "outbound_messages" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_chat" ON "contacts" USING btree ("channel","bot_id","chat_id");--> statement-breakpoint
CREATE INDEX "media_expires" ON "media" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "simulator_messages_session" ON "simulator_messages" USING btree ("session_id","id");