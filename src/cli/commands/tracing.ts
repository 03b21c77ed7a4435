import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Caller } from '../../tracing/ports.js';
import { listAlertTemplates, setAlertTemplate } from '../../tracing/alert-templates.js';
import { closeEvent, exportContacts, followUp } from '../../tracing/follow-up.js';
import { extendEvent, openPlaceEvent } from '../../tracing/open-place-event.js';
import { previewEvent } from '../../tracing/preview-event.js';
import { approveEvent, sendAlerts } from '../../tracing/send-alerts.js';
import { openPersonEvent } from '../../tracing/share-history.js';
import type { CliCommand, CliContext } from '../command.js';

/** The CLI is an operator of the deployment: the whole area, admin rights; audited as `via: cli`. */
const operator: Caller = { official: null, via: 'cli' };

/** Runs a tracing use-case and prints its JSON; a refused request prints `{"error":…}` on stderr (exit 2). */
async function run(ctx: CliContext, fn: () => Promise<unknown>): Promise<number> {
  try {
    ctx.io.out(JSON.stringify(await fn()));
    return 0;
  } catch (err) {
    const e = err as { code?: string; message?: string; retryable?: boolean };
    if (e.code && e.retryable === false) {
      ctx.io.err(JSON.stringify({ error: { code: e.code, message: e.message } }));
      return 2;
    }
    throw err;
  }
}

const eventIdOf = (ctx: CliContext, arg: string | undefined, usage: string): number | null => {
  if (!arg || !/^\d+$/.test(arg)) {
    ctx.io.err(`usage: ${usage}`);
    return null;
  }
  return Number(arg);
};

const windowOptions = { venue: { type: 'string' as const }, from: { type: 'string' as const, multiple: true as const }, to: { type: 'string' as const, multiple: true as const }, event: { type: 'string' as const }, code: { type: 'string' as const }, commune: { type: 'string' as const } };

/** `tracing:preview --venue <code|link> --from <ISO> --to <ISO>` (several --from/--to pairs allowed), or `--code TV-… --commune <id>`, or `--event <id>`. */
export const tracingPreviewCommand: CliCommand = {
  name: 'tracing:preview',
  usage: 'tracing:preview --venue <manual code|link|#id> --from <ISO> --to <ISO> [--event <id> to extend] | --code <share code> --commune <id>',
  summary: 'open (or extend) an exposure event and show who would be alerted; nothing is sent',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: windowOptions, strict: true });
    const tr = (await ctx.runtime()).tracing;
    return run(ctx, async () => {
      let eventId: number;
      if (values.code) eventId = (await openPersonEvent(tr, operator, { code: values.code, ...(values.commune ? { communeId: values.commune } : {}) })).eventId;
      else if (values.venue) {
        const from = values.from ?? [];
        const to = values.to ?? [];
        if (from.length === 0 || from.length !== to.length) throw Object.assign(new Error('give --from and --to in pairs'), { code: 'bad_window', retryable: false });
        const windows = from.map((f, i) => ({ from: new Date(f), to: new Date(to[i]!) }));
        eventId = values.event ? (await extendEvent(tr, operator, Number(values.event), { venue: values.venue, windows })).eventId : (await openPlaceEvent(tr, operator, { venue: values.venue, windows })).eventId;
      } else if (values.event) eventId = Number(values.event);
      else throw Object.assign(new Error(`usage: ${this.usage}`), { code: 'usage', retryable: false });
      const p = await previewEvent(tr, operator, eventId);
      return { eventId: p.eventId, people: p.people, byChannel: p.byChannel, unreachable: p.unreachable, newPeople: p.newPeople, unreachableBy: p.unreachableBy, needsApproval: p.needsApproval, windows: p.windows };
    });
  },
};

export const tracingSendCommand: CliCommand = {
  name: 'tracing:send',
  usage: 'tracing:send <eventId>',
  summary: 'alert everyone of the event not alerted yet (alert priority); prints {"eventId","alerted"}',
  async run(args, ctx) {
    const id = eventIdOf(ctx, args[0], this.usage);
    if (id === null) return 2;
    const tr = (await ctx.runtime()).tracing;
    return run(ctx, async () => {
      const r = await sendAlerts(tr, operator, id);
      return { eventId: r.eventId, alerted: r.alerted, unreachable: r.unreachable, templateVersion: r.templateVersion };
    });
  },
};

export const tracingApproveCommand: CliCommand = {
  name: 'tracing:approve',
  usage: 'tracing:approve <eventId>',
  summary: 'approve an event above TRACING_APPROVAL_THRESHOLD (district admin)',
  async run(args, ctx) {
    const id = eventIdOf(ctx, args[0], this.usage);
    if (id === null) return 2;
    const tr = (await ctx.runtime()).tracing;
    return run(ctx, () => approveEvent(tr, operator, id));
  },
};

export const tracingStatusCommand: CliCommand = {
  name: 'tracing:status',
  usage: 'tracing:status <eventId> [--close] [--export file.csv]',
  summary: 'follow-up of an event (sent, delivered, acknowledged, symptoms); close it or export its contact list',
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { close: { type: 'boolean' }, export: { type: 'string' } }, allowPositionals: true });
    const id = eventIdOf(ctx, positionals[0], this.usage);
    if (id === null) return 2;
    const tr = (await ctx.runtime()).tracing;
    return run(ctx, async () => {
      if (values.export) {
        const { csv, rows } = await exportContacts(tr, operator, id);
        await writeFile(values.export, csv);
        return { eventId: id, exported: rows, file: values.export };
      }
      if (values.close) return closeEvent(tr, operator, id);
      return followUp(tr, operator, id);
    });
  },
};

export const tracingTemplateCommand: CliCommand = {
  name: 'tracing:template',
  usage: 'tracing:template [--set file.txt]',
  summary: 'list the alert template versions, or save a new version from a file',
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { set: { type: 'string' } }, strict: true });
    const tr = (await ctx.runtime()).tracing;
    if (values.set) {
      const body = await readFile(values.set, 'utf8');
      return run(ctx, () => setAlertTemplate(tr, operator, body));
    }
    return run(ctx, async () => ({ versions: await listAlertTemplates(tr) }));
  },
};
