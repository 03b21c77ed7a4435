import { z } from 'zod';
import { fold } from '../domain/fold.js';
import { outOfQuietHours } from '../domain/quiet-hours.js';
import { AUDIENCES, summariseAudience, type Audience, type AudienceGroup } from './audience.js';
import type { BroadcastDeps } from './deps.js';
import { allPolicies, policyFor } from './policy/policies.js';
import { assertCommunesInScope, BroadcastInputError, isAdmin, type Actor } from './ports.js';
import { contentProblems, renderText } from './render.js';
import { nextOccurrence, scheduleSchema, type Schedule } from './schedule.js';

/** What an official submits, from the chat flow, the CLI or the API. */
export const composeSchema = z.object({
  text: z.string().trim().min(1, 'text is empty').max(1800, 'text longer than 1,800 characters'),
  imageUrl: z.url({ protocol: /^https?$/ }).optional(),
  button: z.object({ label: z.string().trim().min(1).max(40), url: z.url({ protocol: /^https?$/ }) }).optional(),
  /** Commune ids or names (diacritics optional), or ["all"] for every commune the actor may use. */
  communes: z.array(z.string().trim().min(1)).min(1, 'pick at least one commune'),
  audience: z.enum(AUDIENCES as [Audience, ...Audience[]]),
  schedule: scheduleSchema.default({ kind: 'now' }),
});
export type ComposeInput = z.input<typeof composeSchema>;
export type Composed = z.output<typeof composeSchema>;

export interface Preview {
  readonly communeIds: readonly string[];
  readonly wholeArea: boolean;
  readonly audience: Audience;
  readonly firstAt: string | null;
  /** First send after quiet hours (bulk never goes out 21:00-07:00). */
  readonly startsAt: string | null;
  readonly people: number;
  readonly recipients: number;
  readonly byCommune: readonly { communeId: string; name: string; recipients: number; excluded: number; byChannel: Record<string, number> }[];
  readonly byChannel: Readonly<Record<string, number>>;
  readonly exclusions: Readonly<Record<string, number>>;
  /** The text as each platform of the deployment will show it. */
  readonly texts: Readonly<Record<string, string>>;
  readonly problems: readonly string[];
  readonly etaSeconds: number;
  readonly needsApproval: boolean;
  readonly approvalReason: string | null;
}

/** Communes named by id or name; "all" / "tất cả" means every commune the actor may use. */
export function resolveCommunes(deps: BroadcastDeps, actor: Actor, names: readonly string[]): { ids: string[]; wholeArea: boolean } {
  const active = deps.communes.all().filter((c) => !c.mergedInto);
  const mine = actor.kind === 'official' && actor.official.role !== 'admin' ? active.filter((c) => actor.official.communeIds.includes(c.id)) : active;
  const ids = new Set<string>();
  for (const n of names) {
    if (['all', 'tat ca', 'toan bo'].includes(fold(n))) {
      for (const c of mine) ids.add(c.id);
      continue;
    }
    const byId = deps.communes.byId(n);
    const found = byId ? [byId] : deps.communes.search(n);
    if (found.length !== 1) throw new BroadcastInputError(found.length === 0 ? `unknown commune "${n}"` : `"${n}" matches several communes: ${found.map((c) => c.name).join(', ')}`);
    ids.add(found[0]!.id);
  }
  const list = [...ids];
  assertCommunesInScope(actor, list);
  return { ids: list, wholeArea: active.length > 1 && active.every((c) => ids.has(c.id)) };
}

/** Parses and checks a submission; throws BroadcastInputError / BroadcastForbiddenError. */
export function parseCompose(deps: BroadcastDeps, actor: Actor, input: unknown): { composed: Composed; communeIds: string[]; wholeArea: boolean } {
  const parsed = composeSchema.safeParse(input);
  if (!parsed.success) throw new BroadcastInputError(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  const { ids, wholeArea } = resolveCommunes(deps, actor, parsed.data.communes);
  const now = deps.clock.now();
  const s = parsed.data.schedule;
  if (s.kind === 'at' && new Date(s.at) < new Date(now.getTime() - 60_000)) throw new BroadcastInputError('schedule.at is in the past');
  if (s.kind === 'repeat' && !nextOccurrence(s, now, null)) throw new BroadcastInputError('the repeating schedule has no occurrence before its end date');
  return { composed: parsed.data, communeIds: ids, wholeArea };
}

/** Recipients per commune and channel, exclusions with reasons, texts per platform, ETA, approval. */
export async function previewBroadcast(deps: BroadcastDeps, actor: Actor, input: unknown): Promise<{ preview: Preview; composed: Composed }> {
  const { composed, communeIds, wholeArea } = parseCompose(deps, actor, input);
  const now = deps.clock.now();
  // Counted in Postgres: a preview of a whole district holds a few group rows, not every person.
  const groups = await summariseAudience(deps.db, { communeIds, audience: composed.audience, now, dailyCap: deps.settings.dailyCap, liveBots: deps.bots.live(), ...(deps.settings.templateChannels ? { templateChannels: deps.settings.templateChannels } : {}) });
  return { preview: summarise(deps, actor, composed, communeIds, wholeArea, groups, now), composed };
}

function summarise(deps: BroadcastDeps, actor: Actor, c: Composed, communeIds: string[], wholeArea: boolean, groups: AudienceGroup[], now: Date): Preview {
  const byChannel: Record<string, number> = {};
  const exclusions: Record<string, number> = {};
  const perCommune = new Map(communeIds.map((id) => [id, { communeId: id, name: deps.communes.byId(id)?.name ?? id, recipients: 0, excluded: 0, byChannel: {} as Record<string, number> }]));
  const perBot: Record<string, number> = {};
  let people = 0;
  for (const g of groups) {
    const n = g.people;
    people += n;
    const row = perCommune.get(g.communeId);
    if (g.exclusion || !g.channel) {
      exclusions[g.exclusion!] = (exclusions[g.exclusion!] ?? 0) + n;
      if (row) row.excluded += n;
      continue;
    }
    byChannel[g.channel] = (byChannel[g.channel] ?? 0) + n;
    const bot = `${g.channel}:${g.botId}`;
    perBot[bot] = (perBot[bot] ?? 0) + n;
    if (row) (row.recipients += n, (row.byChannel[g.channel] = (row.byChannel[g.channel] ?? 0) + n));
  }
  const recipients = Object.values(byChannel).reduce((a, b) => a + b, 0);
  const channels = new Set([...deps.bots.live()].map((b) => b.split(':')[0]!));
  const texts: Record<string, string> = {};
  const problems: string[] = [];
  for (const p of allPolicies().filter((p) => channels.has(p.channel))) {
    texts[p.channel] = renderText(c, p, c.button ? `${deps.settings.publicUrl}/b/…` : null);
    problems.push(...contentProblems(c, p));
  }
  const etaSeconds = Math.ceil(Math.max(0, ...Object.entries(perBot).map(([bot, n]) => n / rateOf(deps, bot))));
  const first = nextOccurrence(c.schedule as Schedule, now, null);
  const over = recipients > deps.settings.approvalThreshold;
  const needsApproval = !isAdmin(actor) && (over || wholeArea);
  const approvalReason = over ? `more than ${deps.settings.approvalThreshold} recipients` : wholeArea ? 'the whole area' : null;
  return {
    communeIds,
    wholeArea,
    audience: c.audience,
    firstAt: first?.toISOString() ?? null,
    startsAt: first ? outOfQuietHours(first).toISOString() : null,
    people,
    recipients,
    byCommune: [...perCommune.values()],
    byChannel,
    exclusions,
    texts,
    problems,
    etaSeconds,
    needsApproval,
    approvalReason: needsApproval ? approvalReason : null,
  };
}

/**
 * Messages per second of a bot: the rate its adapter is configured for (the deployment may have
 * Telegram's paid broadcasts, or a test fake), else the channel policy's published ceiling.
 */
export function rateOf(deps: BroadcastDeps, bot: string): number {
  const [channel, botId] = [bot.slice(0, bot.indexOf(':')), bot.slice(bot.indexOf(':') + 1)];
  return Math.max(1, deps.bots.rateOf(channel, botId) ?? policyFor(channel).perSecond);
}
