CREATE TABLE "official_api_tokens" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"official_id" bigint NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "official_api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "official_invites" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"role" text NOT NULL,
	"commune_ids" jsonb NOT NULL,
	"display_name" text,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" bigint,
	CONSTRAINT "official_invites_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"official_id" bigint,
	"via" text NOT NULL,
	"action" text NOT NULL,
	"commune_id" text,
	"subject" text,
	"detail" jsonb
);
--> statement-breakpoint
ALTER TABLE "officials" ADD COLUMN "contact_id" bigint;--> statement-breakpoint
ALTER TABLE "officials" ADD COLUMN "role" text DEFAULT 'official' NOT NULL;--> statement-breakpoint
ALTER TABLE "officials" ADD COLUMN "display_name" text;--> statement-breakpoint
ALTER TABLE "officials" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "official_api_tokens" ADD CONSTRAINT "official_api_tokens_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_invites" ADD CONSTRAINT "official_invites_created_by_officials_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."officials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_invites" ADD CONSTRAINT "official_invites_used_by_officials_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."officials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_official" ON "audit_log" USING btree ("official_id","at");--> statement-breakpoint
ALTER TABLE "officials" ADD CONSTRAINT "officials_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "officials_contact" ON "officials" USING btree ("contact_id");