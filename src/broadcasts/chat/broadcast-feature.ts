import type { Choice } from '../../channels/contract.js';
import type { Feature, TurnContext, TurnResult } from '../../conversation/types.js';
import type { Broadcasts, BroadcastOfficial } from '../index.js';
import { BroadcastForbiddenError, BroadcastInputError, type Actor } from '../ports.js';
import { showVn, vnInstant } from '../schedule.js';
import { broadcastFeatureTexts as f, bcTexts as t } from './texts.js';

export interface BroadcastFeatureDeps {
  readonly broadcasts: Broadcasts;
  /** The official behind this chat (issue 10's directory once it lands), or null. */
  officialOf(ctx: TurnContext): Promise<BroadcastOfficial | null>;
}

export const BROADCAST = 'broadcast';
const TTL_MS = 2 * 3600_000;
type Data = { text?: string; communes?: string[]; audience?: string; at?: string | null };

/**
 * `/thongbao`: an official composes an announcement step by step (text, communes within their
 * scope, audience, time), sees the preview (recipients per commune, exclusions with reasons,
 * ETA, whether approval is needed) and confirms. `/thongbao ds` lists their broadcasts with
 * pause / resume / cancel buttons. Thin: every decision is a use-case of `src/broadcasts`.
 */
export function broadcastFeature(deps: BroadcastFeatureDeps): Feature {
  const b = deps.broadcasts;
  const say = (text: string, choices: Choice[] = []): TurnResult => ({ replies: [{ type: 'text', text, ...(choices.length ? { choices } : {}) }], state: {} });
  const step = (ctx: TurnContext, data: Data, text: string, choices: Choice[] = []): TurnResult => ({
    replies: [{ type: 'text', text, choices: [...choices, { label: t.cancel, data: 'menu:main' }] }],
    state: { flow: { name: BROADCAST, step: 'compose', data } },
    stateExpiresAt: new Date(ctx.now.getTime() + TTL_MS),
  });
  const actorOf = async (ctx: TurnContext): Promise<Actor | null> => {
    const official = await deps.officialOf(ctx);
    return official ? { kind: 'official', official } : null;
  };
  const input = (d: Data) => ({ text: d.text, communes: d.communes, audience: d.audience, schedule: d.at ? { kind: 'at', at: d.at } : { kind: 'now' } });

  const next = async (ctx: TurnContext, actor: Actor, d: Data): Promise<TurnResult> => {
    if (!d.text) return step(ctx, d, t.askText);
    if (!d.communes) {
      const mine = actor.kind === 'official' ? actor.official.communeIds : [];
      const choices = mine.slice(0, 8).map((id) => ({ label: b.deps.communes.byId(id)?.name ?? id, data: `bc:c:${id}` }));
      return step(ctx, d, t.askCommunes, [...choices, { label: t.allMine, data: 'bc:c:all' }]);
    }
    if (!d.audience) return step(ctx, d, t.askAudience, Object.entries(t.audiences).map(([k, label]) => ({ label, data: `bc:a:${k}` })));
    if (d.at === undefined) return step(ctx, d, t.askTime, [{ label: t.now, data: 'bc:t:now' }]);
    return preview(ctx, actor, d);
  };

  const preview = async (ctx: TurnContext, actor: Actor, d: Data): Promise<TurnResult> => {
    const p = await b.preview(actor, input(d));
    const lines = [
      f.previewHead(p.recipients, p.startsAt ? showVn(new Date(p.startsAt)) : null, Math.max(1, Math.ceil(p.etaSeconds / 60))),
      ...p.byCommune.map((c) => f.previewCommune(c.name, c.recipients, Object.entries(c.byChannel).map(([ch, n]) => `${ch} ${n}`))),
      ...(Object.keys(p.exclusions).length ? [f.previewExcluded(Object.entries(p.exclusions).map(([r, n]) => `${n} ${t.reasons[r] ?? r}`))] : []),
      ...(p.needsApproval ? [f.canLanhDaoPheDuyet] : []),
      ...p.problems,
      '',
      Object.values(p.texts)[0] ?? d.text ?? '',
    ];
    return step(ctx, { ...d }, lines.join('\n'), p.problems.length ? [] : [{ label: t.send, data: 'bc:ok' }]);
  };

  const guarded = async (ctx: TurnContext, work: (actor: Actor) => Promise<TurnResult>): Promise<TurnResult> => {
    const actor = await actorOf(ctx);
    if (!actor) return say(t.notOfficial);
    try {
      return await work(actor);
    } catch (err) {
      if (err instanceof BroadcastInputError || err instanceof BroadcastForbiddenError) return say(f.khongThucHienDuoc(err.message));
      throw err;
    }
  };

  const flow = (ctx: TurnContext, raw: string) =>
    guarded(ctx, async (actor) => {
      const d: Data = { ...(ctx.state.flow?.data as Data) };
      if (raw === 'bc:ok') {
        const c = await b.create(actor, 'chat', input(d));
        return say(t.created(c.id, c.status === 'awaiting-approval', c.preview.startsAt ? showVn(new Date(c.preview.startsAt)) : ''), controls(c.id, c.status));
      }
      const m = /^bc:(c|a|t):(.+)$/.exec(raw);
      if (m?.[1] === 'c') d.communes = [m[2]!];
      else if (m?.[1] === 'a') d.audience = m[2]!;
      else if (m?.[1] === 't') d.at = null;
      else if (!d.text) d.text = raw;
      else if (!d.communes) d.communes = raw.split(',').map((s) => s.trim()).filter(Boolean);
      else if (d.audience && d.at === undefined) {
        const at = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})$/.exec(raw.trim());
        if (!at) return step(ctx, d, t.badTime, [{ label: t.now, data: 'bc:t:now' }]);
        d.at = vnInstant(`${at[3]}-${at[2]!.padStart(2, '0')}-${at[1]!.padStart(2, '0')}`, `${at[4]!.padStart(2, '0')}:${at[5]}`).toISOString();
      }
      return next(ctx, actor, d);
    });

  const controls = (id: number, status: string): Choice[] => [
    ...(status === 'paused' ? [{ label: f.tiepTuc, data: `bc:resume:${id}` }] : []),
    ...(status === 'scheduled' ? [{ label: f.tamDung, data: `bc:pause:${id}` }] : []),
    ...(['scheduled', 'paused', 'awaiting-approval'].includes(status) ? [{ label: f.huyThongBao, data: `bc:cancel:${id}` }] : []),
    { label: f.tienDo, data: `bc:status:${id}` },
  ];

  const status = (actor: Actor, id: number) =>
    b.progress(actor, id).then((p) => {
      const counts = p.runs.map((r) => Object.entries(r.counts).map(([k, n]) => `${k} ${n}`).join(', ')).join(' | ');
      return say(t.status(id, t.statusNames[p.status] ?? p.status, counts), controls(id, p.status));
    });

  const act = (action: 'pause' | 'resume' | 'cancel') => (ctx: TurnContext, arg: string) =>
    guarded(ctx, async (actor) => {
      await b[action](actor, 'chat', Number(arg));
      return status(actor, Number(arg));
    });

  return {
    name: BROADCAST,
    commands: {
      thongbao: (ctx, arg) =>
        guarded(ctx, async (actor) => {
          if (arg.trim() !== 'ds') return next(ctx, actor, {});
          const list = await b.list(actor);
          if (list.length === 0) return say(t.none);
          return say(list.slice(0, 8).map((x) => `#${x.id} ${t.statusNames[x.status] ?? x.status}: ${x.text.slice(0, 50)}`).join('\n'), list.slice(0, 4).map((x) => ({ label: `#${x.id}`, data: `bc:status:${x.id}` })));
        }),
    },
    choices: {
      'bc:status:': (ctx, arg) => guarded(ctx, (actor) => status(actor, Number(arg))),
      'bc:pause:': act('pause'),
      'bc:resume:': act('resume'),
      'bc:cancel:': act('cancel'),
    },
    flow,
  };
}
