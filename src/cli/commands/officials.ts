import { parseArgs } from 'node:util';
import type { CliCommand, CliContext } from '../command.js';
import { resolveCommunes } from './commune-args.js';

/** `officials:invite --commune "Phổ Minh" [--commune ...] [--role official|admin] [--name "..."]`: a one-time code valid 48 h. */
export const officialsInviteCommand: CliCommand = {
  name: 'officials:invite',
  usage: 'officials:invite --commune <c> [--commune <c>...] [--role official|admin] [--name <display name>]',
  summary: 'print a one-time invite code (48 h); typed in any chat it makes that person an official',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { commune: { type: 'string', multiple: true }, role: { type: 'string', default: 'official' }, name: { type: 'string' } }, strict: true });
    const role = values.role;
    if (role !== 'official' && role !== 'admin') {
      ctx.io.err(`--role must be official or admin\nusage: ${this.usage}`);
      return 2;
    }
    const communes = values.commune ?? [];
    if (role === 'official' && communes.length === 0) {
      ctx.io.err(`an official needs at least one --commune\nusage: ${this.usage}`);
      return 2;
    }
    const rt = await ctx.runtime();
    const ids = resolveCommunes(rt.venues.domain, communes, ctx.io);
    if (!ids) return 2;
    const made = await rt.officials.invite({ role, communeIds: ids, displayName: values.name ?? null, by: null, via: 'cli', now: rt.clock.now() });
    ctx.io.out(JSON.stringify({ code: made.code, role, communes: role === 'admin' ? 'all' : ids, expiresAt: made.expiresAt.toISOString() }));
    return 0;
  },
};

/**
 * Runs `act` with the one positional `<official id>` of revoke and token; when it is missing or not
 * an id, prints the usage and exits 2 without opening the runtime.
 */
async function withOfficialId(usage: string, args: readonly string[], ctx: CliContext, act: (id: number) => Promise<number>): Promise<number> {
  const id = Number(args[0]);
  if (args.length === 1 && Number.isInteger(id) && id > 0) return act(id);
  ctx.io.err(`usage: ${usage}`);
  return 2;
}

/** `officials:revoke <id>`: ends an official's rights and API tokens at once. */
export const officialsRevokeCommand: CliCommand = {
  name: 'officials:revoke',
  usage: 'officials:revoke <official id>',
  summary: "end an official's rights (chat, notices, API tokens)",
  run(args, ctx) {
    return withOfficialId(this.usage, args, ctx, async (id) => {
      const rt = await ctx.runtime();
      const done = await rt.officials.revoke(id, { officialId: null, via: 'cli' }, rt.clock.now());
      if (!done) {
        ctx.io.err(`no active official ${id}`);
        return 1;
      }
      ctx.io.out(JSON.stringify({ ok: true, revoked: id }));
      return 0;
    });
  },
};

/** `officials:list`: one JSON line per official (revoked ones too, marked). */
export const officialsListCommand: CliCommand = {
  name: 'officials:list',
  usage: 'officials:list',
  summary: 'list officials: id, role, communes, where they joined, revoked or not',
  async run(_args, ctx) {
    const rt = await ctx.runtime();
    for (const o of await rt.officials.list()) {
      ctx.io.out(
        JSON.stringify({
          id: o.id,
          role: o.role,
          communes: o.role === 'admin' ? 'all' : o.communeIds,
          name: o.displayName,
          channel: o.channel,
          since: o.createdAt.toISOString(),
          active: o.revokedAt === null && o.contactId !== null,
          ...(o.revokedAt ? { revokedAt: o.revokedAt.toISOString() } : {}),
        }),
      );
    }
    return 0;
  },
};

/** `officials:token <id>`: a personal API token for the officials' HTTP API, printed once. */
export const officialsTokenCommand: CliCommand = {
  name: 'officials:token',
  usage: 'officials:token <official id>',
  summary: "print a new personal API token for an official (scoped to their communes)",
  run(args, ctx) {
    return withOfficialId(this.usage, args, ctx, async (id) => {
      const rt = await ctx.runtime();
      const token = await rt.officials.issueApiToken(id, 'cli');
      ctx.io.out(JSON.stringify({ official: id, token }));
      return 0;
    });
  },
};

/** `officials:audit [--since 2026-11-01] [--official id] [--commune c] [--limit n]`: who read or changed personal data. */
export const officialsAuditCommand: CliCommand = {
  name: 'officials:audit',
  usage: 'officials:audit [--since <date>] [--official <id>] [--commune <c>] [--limit <n>]',
  summary: 'list the audit log (newest first): who, when, what, which commune',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { since: { type: 'string' }, official: { type: 'string' }, commune: { type: 'string' }, limit: { type: 'string' } }, strict: true });
    const since = values.since ? new Date(values.since) : undefined;
    if (since && Number.isNaN(since.getTime())) {
      ctx.io.err(`bad --since: ${values.since}`);
      return 2;
    }
    const rt = await ctx.runtime();
    const commune = values.commune ? resolveCommunes(rt.venues.domain, [values.commune], ctx.io) : [];
    if (!commune) return 2;
    const rows = await rt.audit.list({
      ...(since ? { since } : {}),
      ...(values.official ? { officialId: Number(values.official) } : {}),
      ...(commune[0] ? { communeId: commune[0] } : {}),
      limit: Math.min(Number(values.limit ?? 200) || 200, 10_000),
    });
    for (const r of rows) ctx.io.out(JSON.stringify({ ...r, at: r.at.toISOString() }));
    return 0;
  },
};
