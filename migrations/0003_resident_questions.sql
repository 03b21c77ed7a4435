CREATE TABLE "resident_questions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"contact_id" bigint NOT NULL,
	"text" text NOT NULL,
	"top_topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'unanswered' NOT NULL,
	"commune_id" text,
	"answer" text,
	"answered_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "resident_questions" ADD CONSTRAINT "resident_questions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_questions" ADD CONSTRAINT "resident_questions_answered_by_contacts_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resident_questions_open" ON "resident_questions" USING btree ("status","commune_id");--> statement-breakpoint
CREATE INDEX "resident_questions_contact" ON "resident_questions" USING btree ("contact_id");