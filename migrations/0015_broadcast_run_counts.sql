CREATE TABLE "broadcast_run_counts" (
	"run_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"bot_id" text NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "broadcast_run_counts_run_id_channel_bot_id_status_pk" PRIMARY KEY("run_id","channel","bot_id","status")
);
--> statement-breakpoint
ALTER TABLE "broadcast_run_counts" ADD CONSTRAINT "broadcast_run_counts_run_id_broadcast_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."broadcast_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Keeps broadcast_run_counts in step with broadcast_recipients: once per statement, from its
-- transition tables (rows in minus rows out per run, channel, bot and status), in the writer's
-- own transaction. Keys are written in one sorted statement so two writers lock them in the same order.
CREATE FUNCTION "broadcast_recipients_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO broadcast_run_counts AS c (run_id, channel, bot_id, status, n)
    SELECT run_id, coalesce(channel, ''), coalesce(bot_id, ''), status, count(*) FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (run_id, channel, bot_id, status) DO UPDATE SET n = c.n + excluded.n;
  ELSE
    INSERT INTO broadcast_run_counts AS c (run_id, channel, bot_id, status, n)
    SELECT run_id, channel, bot_id, status, sum(d) FROM (
      SELECT run_id, coalesce(channel, '') AS channel, coalesce(bot_id, '') AS bot_id, status, 1 AS d FROM new_rows
      UNION ALL
      SELECT run_id, coalesce(channel, ''), coalesce(bot_id, ''), status, -1 FROM old_rows
    ) x GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (run_id, channel, bot_id, status) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "broadcast_recipients_count_insert" AFTER INSERT ON "broadcast_recipients"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "broadcast_recipients_count"();
--> statement-breakpoint
CREATE TRIGGER "broadcast_recipients_count_update" AFTER UPDATE ON "broadcast_recipients"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "broadcast_recipients_count"();
--> statement-breakpoint
-- Runs that exist already.
INSERT INTO "broadcast_run_counts" (run_id, channel, bot_id, status, n)
SELECT run_id, coalesce(channel, ''), coalesce(bot_id, ''), status, count(*) FROM broadcast_recipients GROUP BY 1, 2, 3, 4;
