CREATE TABLE "venue_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"venue_id" bigint NOT NULL,
	"label" text,
	"manual_code" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type_id" text NOT NULL,
	"commune_id" text NOT NULL,
	"address" text NOT NULL,
	"phone" text NOT NULL,
	"plate" text,
	"route" text,
	"status" text DEFAULT 'active' NOT NULL,
	"owner_contact_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officials" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"chat_id" text NOT NULL,
	"commune_ids" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dependents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"contact_id" bigint NOT NULL,
	"name" text NOT NULL,
	"birth_year" integer,
	"relation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_flags" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"contact_id" bigint NOT NULL,
	"visit_id" bigint,
	"commune_id" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"contact_id" bigint NOT NULL,
	"dependent_id" bigint,
	"venue_id" bigint NOT NULL,
	"code_id" text NOT NULL,
	"commune_id" text NOT NULL,
	"method" text NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"checked_out_at" timestamp with time zone,
	"checkout_reason" text,
	"dedupe_key" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "venue_codes" ADD CONSTRAINT "venue_codes_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_owner_contact_id_contacts_id_fk" FOREIGN KEY ("owner_contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependents" ADD CONSTRAINT "dependents_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_flags" ADD CONSTRAINT "visit_flags_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_flags" ADD CONSTRAINT "visit_flags_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_dependent_id_dependents_id_fk" FOREIGN KEY ("dependent_id") REFERENCES "public"."dependents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_code_id_venue_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."venue_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "venue_codes_manual" ON "venue_codes" USING btree ("manual_code");--> statement-breakpoint
CREATE INDEX "venue_codes_venue" ON "venue_codes" USING btree ("venue_id");--> statement-breakpoint
CREATE INDEX "venues_commune" ON "venues" USING btree ("commune_id","type_id","status");--> statement-breakpoint
CREATE INDEX "venues_owner" ON "venues" USING btree ("owner_contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "officials_chat" ON "officials" USING btree ("channel","chat_id");--> statement-breakpoint
CREATE INDEX "dependents_contact" ON "dependents" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "visit_flags_commune" ON "visit_flags" USING btree ("commune_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_dedupe" ON "visits" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "visits_contact" ON "visits" USING btree ("contact_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "visits_venue" ON "visits" USING btree ("venue_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "visits_open" ON "visits" USING btree ("checked_out_at","checked_in_at");