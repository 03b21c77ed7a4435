import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Actor } from '../../broadcasts/index.js';
import { BroadcastForbiddenError, BroadcastInputError } from '../../broadcasts/ports.js';
import { allPolicies } from '../../broadcasts/policy/policies.js';
import { vnInstant } from '../../broadcasts/schedule.js';
import { broadcastRenderTexts } from '../../broadcasts/texts.js';
import type { CliCommand, CliContext } from '../command.js';

/** The CLI acts as the deployment's operator: the whole area, and it may approve. */
const OPERATOR: Actor = { kind: 'operator' };

const composeOptions = {
  text: { type: 'string' },
  commune: { type: 'string', multiple: true },
  audience: { type: 'string', default: 'residents' },
  image: { type: 'string' },
  'button-label': { type: 'string' },
  'button-url': { type: 'string' },
  at: { type: 'string' },
  daily: { type: 'string' },
  weekly: { type: 'string' },
  days: { type: 'string' },
  until: { type: 'string' },
} as const;

/** Builds the compose input from flags: `--at "2021-09-15 08:30"`, `--daily 08:00 --until 2021-09-30`, `--weekly 08:00 --days 1,4 --until ...`. */
function composeInput(v: Record<string, string | string[] | boolean | undefined>): unknown {
  const at = typeof v.at === 'string' ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(v.at) : null;
  const schedule =
    typeof v.daily === 'string'
      ? { kind: 'repeat', every: 'daily', time: v.daily, until: v.until }
      : typeof v.weekly === 'string'
        ? { kind: 'repeat', every: 'weekly', time: v.weekly, days: String(v.days ?? '').split(',').filter(Boolean).map(Number), until: v.until }
        : at
          ? { kind: 'at', at: vnInstant(at[1]!, at[2]!).toISOString() }
          : typeof v.at === 'string'
            ? { kind: 'at', at: v.at }
            : { kind: 'now' };
  return {
    text: v.text,
    communes: v.commune,
    audience: v.audience,
    ...(typeof v.image === 'string' ? { imageUrl: v.image } : {}),
    ...(typeof v['button-url'] === 'string' ? { button: { label: v['button-label'] ?? broadcastRenderTexts.defaultButton, url: v['button-url'] } } : {}),
    schedule,
  };
}

async function guarded(ctx: CliContext, work: () => Promise<unknown>): Promise<number> {
  try {
    ctx.io.out(JSON.stringify(await work()));
    return 0;
  } catch (err) {
    if (err instanceof BroadcastInputError || err instanceof BroadcastForbiddenError) {
      ctx.io.err(JSON.stringify({ ok: false, error: err.message }));
      return 2;
    }
    throw err;
  }
}

const COMPOSE_USAGE = '--text "<text>" --commune <commune> [--commune ...|all] [--audience residents|owners|pending-registrations] [--image <url>] [--button-label <l> --button-url <url>] [--at "yyyy-mm-dd hh:mm" | --daily hh:mm --until yyyy-mm-dd | --weekly hh:mm --days 1,4 --until yyyy-mm-dd]';

export const broadcastsPreviewCommand: CliCommand = {
  name: 'broadcasts:preview',
  usage: `broadcasts:preview ${COMPOSE_USAGE}`,
  summary: 'recipients per commune and channel, exclusions with reasons, texts per platform, ETA',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: composeOptions });
    const rt = await ctx.runtime();
    return guarded(ctx, () => rt.broadcasts.preview(OPERATOR, composeInput(values)));
  },
};

export const broadcastsCreateCommand: CliCommand = {
  name: 'broadcasts:create',
  usage: `broadcasts:create ${COMPOSE_USAGE}`,
  summary: 'create a broadcast (sent by the running service at its time); prints its id and preview',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: composeOptions });
    const rt = await ctx.runtime();
    return guarded(ctx, () => rt.broadcasts.create(OPERATOR, 'cli', composeInput(values)));
  },
};

export const broadcastsListCommand: CliCommand = {
  name: 'broadcasts:list',
  usage: 'broadcasts:list',
  summary: 'broadcasts, newest first, one JSON line each',
  async run(_args, ctx) {
    const rt = await ctx.runtime();
    for (const b of await rt.broadcasts.list(OPERATOR)) ctx.io.out(JSON.stringify({ id: b.id, status: b.status, audience: b.audience, communes: b.communeIds, recipients: b.estimatedRecipients, text: b.text.slice(0, 60) }));
    return 0;
  },
};

/** `broadcasts:<action> <id>` for approve, pause, resume, cancel and status. */
function actionCommand(action: 'approve' | 'pause' | 'resume' | 'cancel' | 'status'): CliCommand {
  return {
    name: `broadcasts:${action}`,
    usage: `broadcasts:${action} <id>`,
    summary: action === 'status' ? 'live progress of a broadcast: counts per run, remaining, ETA' : `${action} a broadcast`,
    async run(args, ctx) {
      const id = Number(args[0]);
      if (!Number.isInteger(id)) return (ctx.io.err(`usage: broadcasts:${action} <id>`), 2);
      const rt = await ctx.runtime();
      return guarded(ctx, async () => {
        if (action !== 'status') await rt.broadcasts[action](OPERATOR, 'cli', id);
        return rt.broadcasts.progress(OPERATOR, id);
      });
    },
  };
}

export const broadcastsResultsCommand: CliCommand = {
  name: 'broadcasts:results',
  usage: 'broadcasts:results <id> [--out file.csv]',
  summary: 'what a broadcast achieved per run and commune (sent, delivered, seen, acted) as CSV',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true });
    const id = Number(positionals[0]);
    if (!Number.isInteger(id)) return (ctx.io.err(`usage: ${this.usage}`), 2);
    const rt = await ctx.runtime();
    try {
      const csv = await rt.broadcasts.resultsCsv(OPERATOR, id);
      if (values.out) await writeFile(values.out, csv);
      else ctx.io.out(csv.trimEnd());
      return 0;
    } catch (err) {
      if (err instanceof BroadcastInputError) return (ctx.io.err(JSON.stringify({ ok: false, error: err.message })), 2);
      throw err;
    }
  },
};

export const broadcastsPolicyCommand: CliCommand = {
  name: 'broadcasts:policy',
  usage: 'broadcasts:policy',
  summary: 'the platform rules bulk sending follows, per channel, and what is unverified',
  async run(_args, ctx) {
    for (const p of allPolicies()) ctx.io.out(JSON.stringify({ channel: p.channel, perSecond: p.perSecond, perChatPerSecond: p.perChatPerSecond, textLimit: p.textLimit, notes: p.notes }));
    return 0;
  },
};

export const broadcastCommands: readonly CliCommand[] = [
  actionCommand('approve'),
  actionCommand('cancel'),
  broadcastsCreateCommand,
  broadcastsListCommand,
  actionCommand('pause'),
  broadcastsPolicyCommand,
  broadcastsPreviewCommand,
  broadcastsResultsCommand,
  actionCommand('resume'),
  actionCommand('status'),
];
