import type { CliCommand } from '../command.js';

/** Applies the migrations (the service also does this at start-up). */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  usage: 'migrate',
  summary: 'apply database migrations (Postgres at DATABASE_URL, else embedded PGlite)',
  async run(_args, ctx) {
    const rt = await ctx.runtime();
    ctx.io.out(JSON.stringify({ ok: true, database: rt.database.kind }));
    return 0;
  },
};
