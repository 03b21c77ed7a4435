CREATE TABLE "alert_templates" (
	"version" bigserial PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exposure_alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"contact_id" bigint NOT NULL,
	"dependent_id" bigint,
	"person_key" text NOT NULL,
	"window_id" bigint,
	"status" text NOT NULL,
	"reason" text,
	"channel" text,
	"template_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"symptoms_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exposure_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"commune_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by" bigint,
	"case_contact_id" bigint,
	"case_dependent_id" bigint,
	"tail_minutes" integer NOT NULL,
	"approved_by" bigint,
	"approved_for" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exposure_windows" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"venue_id" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"owner_notified" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracing_share_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"contact_id" bigint NOT NULL,
	"dependent_id" bigint,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"event_id" bigint
);
--> statement-breakpoint
DROP INDEX "visits_venue";--> statement-breakpoint
ALTER TABLE "exposure_alerts" ADD CONSTRAINT "exposure_alerts_event_id_exposure_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."exposure_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_alerts" ADD CONSTRAINT "exposure_alerts_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_alerts" ADD CONSTRAINT "exposure_alerts_dependent_id_dependents_id_fk" FOREIGN KEY ("dependent_id") REFERENCES "public"."dependents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_alerts" ADD CONSTRAINT "exposure_alerts_window_id_exposure_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."exposure_windows"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_events" ADD CONSTRAINT "exposure_events_case_contact_id_contacts_id_fk" FOREIGN KEY ("case_contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_events" ADD CONSTRAINT "exposure_events_case_dependent_id_dependents_id_fk" FOREIGN KEY ("case_dependent_id") REFERENCES "public"."dependents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_windows" ADD CONSTRAINT "exposure_windows_event_id_exposure_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."exposure_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_windows" ADD CONSTRAINT "exposure_windows_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracing_share_codes" ADD CONSTRAINT "tracing_share_codes_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracing_share_codes" ADD CONSTRAINT "tracing_share_codes_dependent_id_dependents_id_fk" FOREIGN KEY ("dependent_id") REFERENCES "public"."dependents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exposure_alerts_person" ON "exposure_alerts" USING btree ("event_id","person_key");--> statement-breakpoint
CREATE INDEX "exposure_alerts_contact" ON "exposure_alerts" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "exposure_events_commune" ON "exposure_events" USING btree ("commune_id","created_at");--> statement-breakpoint
CREATE INDEX "exposure_events_closed" ON "exposure_events" USING btree ("closed_at");--> statement-breakpoint
CREATE INDEX "exposure_windows_event" ON "exposure_windows" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "tracing_share_codes_expiry" ON "tracing_share_codes" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "visits_venue" ON "visits" USING btree ("venue_id","checked_in_at","checked_out_at","contact_id","dependent_id");