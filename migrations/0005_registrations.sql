CREATE TABLE "vaccination_registrations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"contact_id" bigint NOT NULL,
	"relation" text DEFAULT 'self' NOT NULL,
	"full_name" text,
	"birth_date" text,
	"gender" text,
	"phone" text,
	"id_kind" text,
	"id_number" text,
	"insurance_number" text,
	"occupation" text,
	"priority_group" integer,
	"commune_id" text NOT NULL,
	"address" text,
	"preferred_date" text,
	"screening" jsonb,
	"status" text DEFAULT 'registered' NOT NULL,
	"appointment_at" timestamp with time zone,
	"appointment_place" text,
	"appointment_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"purged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reminder_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"registration_id" bigint NOT NULL,
	"appointment_version" integer NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_opt_outs" (
	"contact_id" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vaccination_registrations" ADD CONSTRAINT "vaccination_registrations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_log" ADD CONSTRAINT "reminder_log_registration_id_vaccination_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."vaccination_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_opt_outs" ADD CONSTRAINT "reminder_opt_outs_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registrations_contact" ON "vaccination_registrations" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "registrations_commune" ON "vaccination_registrations" USING btree ("commune_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_log_once" ON "reminder_log" USING btree ("registration_id","appointment_version","kind");