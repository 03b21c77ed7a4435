import type { Choice } from '../channels/contract.js';
import type { Reply } from '../conversation/types.js';
import { RECIPIENT_KEY_TOKEN } from '../outbox/bulk-types.js';
import type { Caller, OutboxReceipt } from './ports.js';
import { isAdmin, TracingForbiddenError, TracingInputError } from './ports.js';
import { fillTemplate, showWindow, vnDate } from './alert-template.js';
import { currentTemplate } from './alert-templates.js';
import { inTransaction, type TracingDeps } from './deps.js';
import { loadOpenEvent } from './open-place-event.js';
import { planAlerts, type Planned } from './preview-event.js';
import { sendAlertTexts } from './texts.js';

/** The alert's answers; `alertId` is the alert row's id (or the outbox's recipient-key token). */
export const alertChoices = (alertId: string): Choice[] => [
  { label: sendAlertTexts.daNhan, data: `tv:ack:${alertId}` },
  { label: sendAlertTexts.toiCoTrieuChung, data: `tv:sym:${alertId}` },
];

/** The venue owner's same-day notice: what to do, nothing about the case. */
export function ownerNoticeText(venueName: string, when: string, communeName: string): string {
  return [
    sendAlertTexts.thongBaoTuCanBo(communeName, venueName, when),
    '',
    sendAlertTexts.viecCanLam,
    sendAlertTexts.veSinhKhuKhuanNoi,
    sendAlertTexts.nhacKhachDeoKhauTrang,
    sendAlertTexts.theoDoiSucKhoeCua + communeName + '.',
    '',
    sendAlertTexts.nhungNguoiCoMatTrong,
  ].join('\n');
}

/**
 * Sends one alert per person per event (priority `alert`), only to people this event has not
 * alerted yet, so a re-run or an extension never alerts anyone twice (the unique (event, person)
 * row decides, also under a race). Above the district's threshold a district admin must approve
 * first. `phase` is told when each step ends (the benchmark profiles with it). Alerts go out at any hour: see the README's quiet-hours note. Owners of venues named for
 * the first time get their notice in the same transaction.
 */
export async function sendAlerts(deps: TracingDeps, caller: Caller, eventId: number, phase: (name: string) => void = () => {}): Promise<{ eventId: number; alerted: number; unreachable: number; templateVersion: number }> {
  const event = await loadOpenEvent(deps, caller, eventId);
  const planned = await planAlerts(deps, eventId);
  phase('match');
  const total = (await deps.repo.alerts.alertedCount(eventId)) + planned.length;
  if (total > deps.settings.approvalThreshold && (event.approvedFor ?? 0) < total) {
    throw new TracingInputError('approval_required', `${total} people exceed the threshold of ${deps.settings.approvalThreshold}: a district admin must approve event ${eventId} first`, 409);
  }
  const template = await currentTemplate(deps);
  const windows = new Map((await deps.repo.events.windows(eventId)).map((w) => [w.id, w]));
  const commune = deps.communeName(event.communeId);
  // One text per (window, family member named): rendered once per bot by the outbox, written by
  // Postgres with each alert's id put into its buttons (see src/outbox/bulk-templated.ts).
  const variants = new Map<string, Reply[]>();
  const variantOf = (p: Planned) => {
    const key = `${p.person.windowId}:${p.person.dependentName ?? ''}`;
    if (!variants.has(key)) {
      const w = windows.get(p.person.windowId)!;
      const text = fillTemplate(template.body, { dependentName: p.person.dependentName, venueName: w.venueName, from: w.startsAt, to: w.endsAt, communeName: commune });
      variants.set(key, [{ type: 'text', text, choices: alertChoices(RECIPIENT_KEY_TOKEN) }]);
    }
    return key;
  };
  const outcome = await inTransaction(deps.db, async (tx) => {
    const ids = await deps.repo.alerts.insertAlerts(
      tx,
      planned.map((p) => ({
        eventId, contactId: p.person.contactId, dependentId: p.person.dependentId, windowId: p.person.windowId, templateVersion: template.version,
        status: 'chat' in p.target ? ('queued' as const) : ('unreachable' as const),
        reason: 'chat' in p.target ? null : p.target.reason,
        channel: 'chat' in p.target ? p.target.chat.channel : null,
      })),
    );
    phase('alert rows');
    const recipients: { variant: string; to: { channel: string; botId: string; chatId: string }; dedupeKey: string }[] = [];
    const offers: { chatContactId: number; choices: Choice[] }[] = [];
    let unreachable = 0;
    for (const p of planned) {
      const alertId = ids.get(p.person.dependentId === null ? `c${p.person.contactId}` : `d${p.person.dependentId}`);
      if (alertId === undefined) continue; // alerted meanwhile by a concurrent send
      if (!('chat' in p.target)) {
        unreachable += 1;
        continue;
      }
      const { chat } = p.target;
      recipients.push({ variant: variantOf(p), to: { channel: chat.channel, botId: chat.botId, chatId: chat.chatId }, dedupeKey: String(alertId) });
      if (!deps.channelHasButtons(chat.channel, chat.botId)) offers.push({ chatContactId: chat.id, choices: alertChoices(String(alertId)) });
    }
    const receipt = await deps.bulkOutbox.addTemplated(tx, { priority: 'alert', dedupeKind: 'tracing.alert', variants, recipients });
    phase('outbox rows');
    await deps.repo.alerts.offerChoices(tx, offers);
    const owners = [...windows.values()].filter((w) => !w.ownerNotified && w.ownerContactId !== null);
    const ownerReceipt = await deps.outbox.add(
      tx,
      owners.map((w) => ({ to: { contactId: w.ownerContactId! }, priority: 'alert' as const, parts: [{ type: 'text' as const, text: ownerNoticeText(w.venueName, `${vnDate(w.startsAt)}, ${showWindow(w.startsAt, w.endsAt)}`, commune) }], dedupe: { kind: 'tracing.owner', key: String(w.id) } })),
    );
    await deps.repo.events.markOwnersNotified(tx, owners.map((w) => w.id));
    await deps.audit.record(tx, { officialId: caller.official?.id ?? null, via: caller.via, action: 'tracing.send', communeId: event.communeId, subject: `event:${eventId}`, detail: { alerted: recipients.length, unreachable, templateVersion: template.version, owners: owners.length } });
    return { receipts: [receipt, ownerReceipt], alerted: recipients.length, unreachable };
  });
  phase('commit');
  await enqueueCommitted(deps, outcome.receipts);
  phase('enqueue');
  return { eventId, alerted: outcome.alerted, unreachable: outcome.unreachable, templateVersion: template.version };
}

/** Jobs per enqueue call, and how many calls run at once. */
const ENQUEUE_SLICE = 1000;
const ENQUEUE_PARALLEL = 4;

/**
 * Bulk enqueue after commit: the committed rows go to the send queues in slices of 1,000 (one
 * addBulk each), four slices in flight at once, which overlaps preparing jobs with Redis running
 * them (about twice as fast as one slice after another for 10,000 alerts). If Redis is down the
 * error reaches the caller, but every alert is already written: the outbox sweep enqueues the rows
 * when Redis is back, and sending again adds nothing.
 */
async function enqueueCommitted(deps: TracingDeps, receipts: readonly OutboxReceipt[]): Promise<void> {
  const slices: OutboxReceipt[] = [];
  for (const r of receipts) {
    if (!r.jobs) {
      slices.push(r);
      continue;
    }
    for (let i = 0; i < r.jobs.length; i += ENQUEUE_SLICE) {
      const jobs = r.jobs.slice(i, i + ENQUEUE_SLICE);
      slices.push({ ids: jobs.map((j) => j.id), skipped: 0, jobs });
    }
  }
  for (let i = 0; i < slices.length; i += ENQUEUE_PARALLEL) await Promise.all(slices.slice(i, i + ENQUEUE_PARALLEL).map((s) => deps.outbox.afterCommit(s)));
}

/** A district admin approves sending an event to as many people as it matches now. */
export async function approveEvent(deps: TracingDeps, caller: Caller, eventId: number): Promise<{ eventId: number; approvedFor: number }> {
  if (!isAdmin(caller)) throw new TracingForbiddenError('only a district admin may approve a large event');
  const event = await loadOpenEvent(deps, caller, eventId);
  const people = (await deps.repo.alerts.alertedCount(eventId)) + (await deps.repo.matching.match(eventId, true)).length;
  await inTransaction(deps.db, async (tx) => {
    await deps.repo.events.approve(tx, eventId, caller.official?.id ?? null, people);
    await deps.audit.record(tx, { officialId: caller.official?.id ?? null, via: caller.via, action: 'tracing.approve', communeId: event.communeId, subject: `event:${eventId}`, detail: { people } });
  });
  return { eventId, approvedFor: people };
}
