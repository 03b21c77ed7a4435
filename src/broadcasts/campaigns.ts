import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { campaignMessages, campaigns } from '../db/schema/broadcasts.js';
import { isQuiet } from '../domain/quiet-hours.js';
import { sentSince } from './audience.js';
import { resolveCommunes } from './compose.js';
import type { BroadcastDeps } from './deps.js';
import { actorId, BroadcastInputError, isAdmin, type Actor, type Via } from './ports.js';
import { policyFor } from './policy/policies.js';
import { showVn, vnDayStart } from './schedule.js';
import { rowsOf } from './sql-rows.js';

/** A campaign tied to appointments: `offsetDays` before (negative) or after the appointment day. */
export const campaignSchema = z.object({
  text: z.string().trim().min(1).max(1500),
  communes: z.array(z.string().trim().min(1)).min(1),
  offsetDays: z.number().int().min(-30).max(30),
  hour: z.number().int().min(7).max(20).default(9),
  graceMinutes: z.number().int().min(0).max(7 * 24 * 60).default(360),
});

export async function createCampaign(deps: BroadcastDeps, actor: Actor, via: Via, input: unknown): Promise<{ id: number }> {
  const parsed = campaignSchema.safeParse(input);
  if (!parsed.success) throw new BroadcastInputError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { ids } = resolveCommunes(deps, actor, parsed.data.communes);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(campaigns).values({ ...parsed.data, communeIds: ids, officialId: actorId(actor), createdAt: now }).returning({ id: campaigns.id });
    await deps.audit?.record(tx, { officialId: actorId(actor), via, action: 'campaigns.create', communeId: ids.length === 1 ? ids[0]! : null, subject: `campaign:${row!.id}` });
    return { id: row!.id };
  });
}

export async function stopCampaign(deps: BroadcastDeps, actor: Actor, id: number): Promise<void> {
  const [c] = await deps.db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!c || !(isAdmin(actor) || (actor.kind === 'official' && c.communeIds.every((x) => actor.official.communeIds.includes(x))))) throw new BroadcastInputError(`no campaign ${id}`);
  await deps.db.update(campaigns).set({ active: false }).where(eq(campaigns.id, id));
}

/** Counts per campaign and outcome (queued = handed over for sending; skipped with the reason). */
export async function campaignOutcomes(deps: BroadcastDeps, id: number): Promise<Record<string, number>> {
  const rows = rowsOf(await deps.db.execute(sql`select status, coalesce(reason, '') as reason, count(*)::int as n from campaign_messages where campaign_id = ${id} group by 1, 2`));
  return Object.fromEntries(rows.map((r) => [r.reason ? `${r.status}:${r.reason}` : String(r.status), Number(r.n)]));
}

/**
 * Plans and sends campaign messages. Planning writes one row per (campaign, registration,
 * appointment version) whose time falls after the campaign was created, so a message is never
 * planned twice. A due row goes out within its grace period (outside quiet hours, with consent,
 * under the daily cap); after it, or when the appointment moved or was cancelled, it is recorded
 * as skipped with the reason. Nothing due is ever silently dropped.
 */
export async function tickCampaigns(deps: BroadcastDeps): Promise<void> {
  const now = deps.clock.now();
  await deps.db.execute(sql`insert into campaign_messages (campaign_id, registration_id, appointment_version, person_id, due_at)
    select c.id, r.id, r.appointment_version, r.contact_id,
      date_trunc('day', r.appointment_at + interval '7 hours') - interval '7 hours' + make_interval(days => c.offset_days, hours => c.hour)
    from campaigns c join vaccination_registrations r on r.commune_id in (select jsonb_array_elements_text(c.commune_ids))
    where c.active and r.status = 'scheduled' and r.appointment_at is not null
      and date_trunc('day', r.appointment_at + interval '7 hours') - interval '7 hours' + make_interval(days => c.offset_days, hours => c.hour) >= c.created_at
    on conflict do nothing`);
  const due = rowsOf(
    await deps.db.execute(sql`select m.id, m.person_id, m.due_at, m.appointment_version, c.text, c.grace_minutes, c.active,
        r.status as reg_status, r.appointment_version as current_version, r.appointment_at, r.appointment_place, r.full_name
      from campaign_messages m join campaigns c on c.id = m.campaign_id join vaccination_registrations r on r.id = m.registration_id
      where m.status = 'due' and m.due_at <= ${now.toISOString()}::timestamptz order by m.due_at limit 500`),
  );
  for (const m of due) await sendOne(deps, m, now);
}

async function sendOne(deps: BroadcastDeps, m: Record<string, unknown>, now: Date): Promise<void> {
  const id = Number(m.id);
  const skip = (reason: string) => deps.db.update(campaignMessages).set({ status: 'skipped', reason, doneAt: now }).where(and(eq(campaignMessages.id, id), eq(campaignMessages.status, 'due')));
  const dueAt = new Date(m.due_at as string);
  if (!m.active) return void (await skip('campaign-stopped'));
  if (m.reg_status !== 'scheduled' || Number(m.current_version) !== Number(m.appointment_version)) return void (await skip('appointment-changed'));
  if (now.getTime() - dueAt.getTime() > Number(m.grace_minutes) * 60_000) return void (await skip('late'));
  if (deps.settings.quietHours && isQuiet(now)) return; // waits for 07:00, still within the grace period or recorded as late
  const personId = Number(m.person_id);
  const [out] = rowsOf(
    await deps.db.execute(sql`select (select given from consent_events where person_id = ${personId} and purpose = 'reminders' order by id desc limit 1) as given,
      exists (select 1 from reminder_opt_outs where contact_id = ${personId}) as opted_out`),
  );
  if (out?.given === false || out?.opted_out === true) return void (await skip('opted-out'));
  const [chat] = rowsOf(
    await deps.db.execute(sql`select channel, bot_id, chat_id from contacts where (id = ${personId} or linked_to = ${personId}) and unreachable_at is null order by last_seen_at desc limit 1`),
  );
  if (!chat || !deps.bots.live().has(`${chat.channel}:${chat.bot_id}`)) return void (await skip('unreachable'));
  if (((await sentSince(deps.db, [personId], vnDayStart(now))).get(personId) ?? 0) >= deps.settings.dailyCap) return void (await skip('frequency-cap'));
  const text = String(m.text)
    .replaceAll('{ten}', String(m.full_name ?? ''))
    .replaceAll('{ngay}', m.appointment_at ? showVn(new Date(m.appointment_at as string)) : '')
    .replaceAll('{dia_diem}', String(m.appointment_place ?? ''));
  const channel = String(chat.channel);
  const botId = String(chat.bot_id);
  const ids = await deps.db.transaction(async (tx) => {
    const [claimed] = await tx.update(campaignMessages).set({ status: 'queued', doneAt: now }).where(and(eq(campaignMessages.id, id), eq(campaignMessages.status, 'due'))).returning({ id: campaignMessages.id });
    if (!claimed) return [];
    const part = { type: 'text' as const, text: text.length > policyFor(channel).textLimit ? text.slice(0, policyFor(channel).textLimit) : text };
    const out = await deps.outbox.add(tx, [{ channel, botId, chatId: String(chat.chat_id), part, key: `campaign-${id}` }]);
    await tx.update(campaignMessages).set({ outboundId: out[0]! }).where(eq(campaignMessages.id, id));
    return out;
  });
  if (ids.length) await deps.outbox.afterCommit(channel, botId, ids).catch((err: unknown) => deps.log.warn({ err }, 'broadcast messages not queued; the sweep queues them'));
}
