CREATE TABLE "dashboard_login_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"official_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dashboard_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"official_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
ALTER TABLE "dashboard_login_links" ADD CONSTRAINT "dashboard_login_links_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_sessions" ADD CONSTRAINT "dashboard_sessions_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_login_links_official" ON "dashboard_login_links" USING btree ("official_id","created_at");--> statement-breakpoint
CREATE INDEX "dashboard_sessions_official" ON "dashboard_sessions" USING btree ("official_id");--> statement-breakpoint
CREATE INDEX "visits_commune_day" ON "visits" USING btree ("commune_id","checked_in_at");