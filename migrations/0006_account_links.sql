CREATE TABLE "contact_link_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"contact_id" bigint NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "linked_to" bigint;--> statement-breakpoint
ALTER TABLE "contact_link_codes" ADD CONSTRAINT "contact_link_codes_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_linked_to_contacts_id_fk" FOREIGN KEY ("linked_to") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_linked_to" ON "contacts" USING btree ("linked_to");