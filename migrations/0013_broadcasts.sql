CREATE TABLE "broadcast_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"broadcast_id" bigint NOT NULL,
	"official_id" bigint,
	"via" text NOT NULL,
	"action" text NOT NULL,
	"detail" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broadcast_recipients" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" bigint NOT NULL,
	"person_id" bigint NOT NULL,
	"commune_id" text NOT NULL,
	"channel" text,
	"bot_id" text,
	"chat_id" text,
	"status" text NOT NULL,
	"reason" text,
	"outbound_id" bigint,
	"queued_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"seen_at" timestamp with time zone,
	"acted_at" timestamp with time zone,
	"acted_kind" text
);
--> statement-breakpoint
CREATE TABLE "broadcast_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"broadcast_id" bigint NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"resolved_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "broadcasts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"official_id" bigint,
	"text" text NOT NULL,
	"image_url" text,
	"button" jsonb,
	"commune_ids" jsonb NOT NULL,
	"audience" text NOT NULL,
	"schedule" jsonb NOT NULL,
	"status" text NOT NULL,
	"estimated_recipients" integer DEFAULT 0 NOT NULL,
	"approval_reason" text,
	"approved_by" bigint,
	"approved_at" timestamp with time zone,
	"grace_minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"campaign_id" bigint NOT NULL,
	"registration_id" bigint NOT NULL,
	"appointment_version" integer NOT NULL,
	"person_id" bigint NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"reason" text,
	"outbound_id" bigint,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"official_id" bigint,
	"text" text NOT NULL,
	"commune_ids" jsonb NOT NULL,
	"offset_days" integer NOT NULL,
	"hour" integer DEFAULT 9 NOT NULL,
	"grace_minutes" integer DEFAULT 360 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint NOT NULL,
	"purpose" text NOT NULL,
	"given" boolean NOT NULL,
	"channel" text NOT NULL,
	"bot_id" text NOT NULL,
	"chat_id" text NOT NULL,
	"text_shown" text NOT NULL,
	"text_version" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_homes" (
	"person_id" bigint PRIMARY KEY NOT NULL,
	"commune_id" text,
	"source" text,
	"asked_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "broadcast_events" ADD CONSTRAINT "broadcast_events_broadcast_id_broadcasts_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_recipients" ADD CONSTRAINT "broadcast_recipients_run_id_broadcast_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."broadcast_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_runs" ADD CONSTRAINT "broadcast_runs_broadcast_id_broadcasts_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_messages" ADD CONSTRAINT "campaign_messages_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_person_id_contacts_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_homes" ADD CONSTRAINT "resident_homes_person_id_contacts_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "broadcast_events_broadcast" ON "broadcast_events" USING btree ("broadcast_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "broadcast_recipients_once" ON "broadcast_recipients" USING btree ("run_id","person_id");--> statement-breakpoint
CREATE INDEX "broadcast_recipients_run_status" ON "broadcast_recipients" USING btree ("run_id","status","id");--> statement-breakpoint
CREATE INDEX "broadcast_recipients_person" ON "broadcast_recipients" USING btree ("person_id","queued_at");--> statement-breakpoint
CREATE INDEX "broadcast_recipients_outbound" ON "broadcast_recipients" USING btree ("outbound_id");--> statement-breakpoint
CREATE UNIQUE INDEX "broadcast_runs_once" ON "broadcast_runs" USING btree ("broadcast_id","due_at");--> statement-breakpoint
CREATE INDEX "broadcast_runs_status" ON "broadcast_runs" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "broadcasts_status" ON "broadcasts" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_messages_once" ON "campaign_messages" USING btree ("campaign_id","registration_id","appointment_version");--> statement-breakpoint
CREATE INDEX "campaign_messages_due" ON "campaign_messages" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "consent_events_person" ON "consent_events" USING btree ("person_id","purpose","id");