import type { Choice } from '../channels/contract.js';
import type { Caller, OutboxMessage } from './ports.js';
import { isAdmin, TracingForbiddenError, TracingInputError } from './ports.js';
import { fillTemplate, showWindow, vnDate } from './alert-template.js';
import { currentTemplate } from './alert-templates.js';
import { inTransaction, type TracingDeps } from './deps.js';
import { loadOpenEvent } from './open-place-event.js';
import { planAlerts } from './preview-event.js';
import { sendAlertTexts } from './texts.js';

export const alertChoices = (alertId: number): Choice[] => [
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
 * first. Alerts go out at any hour: see the README's quiet-hours note. Owners of venues named for
 * the first time get their notice in the same transaction.
 */
export async function sendAlerts(deps: TracingDeps, caller: Caller, eventId: number): Promise<{ eventId: number; alerted: number; unreachable: number; templateVersion: number }> {
  const event = await loadOpenEvent(deps, caller, eventId);
  const planned = await planAlerts(deps, eventId);
  const total = (await deps.repo.alertedCount(eventId)) + planned.length;
  if (total > deps.settings.approvalThreshold && (event.approvedFor ?? 0) < total) {
    throw new TracingInputError('approval_required', `${total} people exceed the threshold of ${deps.settings.approvalThreshold}: a district admin must approve event ${eventId} first`, 409);
  }
  const template = await currentTemplate(deps);
  const windows = new Map((await deps.repo.windows(eventId)).map((w) => [w.id, w]));
  const commune = deps.communeName(event.communeId);
  const outcome = await inTransaction(deps.db, async (tx) => {
    const ids = await deps.repo.insertAlerts(
      tx,
      planned.map((p) => ({
        eventId, contactId: p.person.contactId, dependentId: p.person.dependentId, windowId: p.person.windowId, templateVersion: template.version,
        status: 'chat' in p.target ? ('queued' as const) : ('unreachable' as const),
        reason: 'chat' in p.target ? null : p.target.reason,
        channel: 'chat' in p.target ? p.target.chat.channel : null,
      })),
    );
    const alerts: { alertId: number; message: OutboxMessage }[] = [];
    const offers: { chatContactId: number; choices: Choice[] }[] = [];
    let unreachable = 0;
    for (const p of planned) {
      const alertId = ids.get(p.person.dependentId === null ? `c${p.person.contactId}` : `d${p.person.dependentId}`);
      if (alertId === undefined) continue; // alerted meanwhile by a concurrent send
      if (!('chat' in p.target)) {
        unreachable += 1;
        continue;
      }
      const w = windows.get(p.person.windowId)!;
      const text = fillTemplate(template.body, { dependentName: p.person.dependentName, venueName: w.venueName, from: w.startsAt, to: w.endsAt, communeName: commune });
      const { chat } = p.target;
      alerts.push({ alertId, message: { to: { channel: chat.channel, botId: chat.botId, chatId: chat.chatId }, priority: 'alert', parts: [{ type: 'text', text, choices: alertChoices(alertId) }], dedupe: { kind: 'tracing.alert', key: String(alertId) } } });
      if (!deps.channelHasButtons(chat.channel, chat.botId)) offers.push({ chatContactId: chat.id, choices: alertChoices(alertId) });
    }
    const receipt = await deps.outbox.add(tx, alerts.map((a) => a.message));
    await deps.repo.offerChoices(tx, offers);
    const owners = [...windows.values()].filter((w) => !w.ownerNotified && w.ownerContactId !== null);
    const ownerReceipt = await deps.outbox.add(
      tx,
      owners.map((w) => ({ to: { contactId: w.ownerContactId! }, priority: 'alert' as const, parts: [{ type: 'text' as const, text: ownerNoticeText(w.venueName, `${vnDate(w.startsAt)}, ${showWindow(w.startsAt, w.endsAt)}`, commune) }], dedupe: { kind: 'tracing.owner', key: String(w.id) } })),
    );
    await deps.repo.markOwnersNotified(tx, owners.map((w) => w.id));
    await deps.audit.record(tx, { officialId: caller.official?.id ?? null, via: caller.via, action: 'tracing.send', communeId: event.communeId, subject: `event:${eventId}`, detail: { alerted: alerts.length, unreachable, templateVersion: template.version, owners: owners.length } });
    return { receipts: [receipt, ownerReceipt], alerted: alerts.length, unreachable };
  });
  for (const r of outcome.receipts) await deps.outbox.afterCommit(r);
  return { eventId, alerted: outcome.alerted, unreachable: outcome.unreachable, templateVersion: template.version };
}

/** A district admin approves sending an event to as many people as it matches now. */
export async function approveEvent(deps: TracingDeps, caller: Caller, eventId: number): Promise<{ eventId: number; approvedFor: number }> {
  if (!isAdmin(caller)) throw new TracingForbiddenError('only a district admin may approve a large event');
  const event = await loadOpenEvent(deps, caller, eventId);
  const people = (await deps.repo.alertedCount(eventId)) + (await deps.repo.match(eventId, true)).length;
  await inTransaction(deps.db, async (tx) => {
    await deps.repo.approve(tx, eventId, caller.official?.id ?? null, people);
    await deps.audit.record(tx, { officialId: caller.official?.id ?? null, via: caller.via, action: 'tracing.approve', communeId: event.communeId, subject: `event:${eventId}`, detail: { people } });
  });
  return { eventId, approvedFor: people };
}
