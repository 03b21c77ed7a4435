import type { ChannelCapabilities } from '../channels/contract.js';
import type { Db } from '../db/client.js';
import type { Outbox, OutboxReceipt } from '../outbox/types.js';
import type { RegistrationRow, ReminderTarget } from '../db/repos/registration-repo.js';
import { isQuiet, outOfQuietHours } from '../domain/quiet-hours.js';
import { planReminders, showVnDateTime, type ReminderKind } from './reminder-plan.js';
import { reminderTexts } from './texts.js';

export interface ReminderJobData {
  readonly registrationId: number;
  readonly version: number;
  readonly kind: string;
}

/** What reminder processing needs; the runtime binds these to Postgres, BullMQ and the adapters. */
export interface ReminderPorts {
  reminderTarget(id: number): Promise<ReminderTarget | undefined>;
  recordReminder(r: { registrationId: number; version: number; kind: string; outcome: 'sent' | 'skipped'; reason?: string }, then?: (tx: Db) => Promise<void>): Promise<boolean>;
  /** Writes the reminder with its record (one transaction) and queues it after the commit. */
  readonly outbox: Outbox;
  capabilities(channel: string, botId: string): ChannelCapabilities | undefined;
  schedule(job: ReminderJobData, at: Date, now: Date): Promise<void>;
  unschedule(registrationId: number, version: number, kinds: readonly string[]): Promise<void>;
  now(): Date;
}

export type ReminderOutcome = 'sent' | 'skipped' | 'stale' | 'deferred' | 'duplicate';

const KINDS: readonly string[] = ['appointed', 'day-before', 'two-hours'] satisfies readonly (ReminderKind | 'appointed')[];

/** The reminders still to come, said as they will really happen (no "day before" for a slot two hours away). */
function promise(appointment: Date, now: Date): string {
  const kinds = planReminders(appointment, now).map((p) => p.kind);
  if (kinds.includes('day-before') && kinds.includes('two-hours')) return reminderTexts.toiSeNhacTruoc1;
  if (kinds.includes('day-before')) return reminderTexts.toiSeNhacTruoc12;
  if (kinds.includes('two-hours')) return reminderTexts.toiSeNhacLaiTruoc;
  return '';
}

export function reminderText(r: RegistrationRow, kind: string, now: Date): string {
  const who = r.relation === 'self' ? reminderTexts.ban : reminderTexts.relative(r.fullName, r.relation);
  if (kind === 'appointed') return reminderTexts.daDuocXepLichTiem(who, showVnDateTime(r.appointmentAt!), r.appointmentPlace ?? reminderTexts.defaultPlace, promise(r.appointmentAt!, now));
  return reminderTexts.nhacLichTiemVacXin(who, showVnDateTime(r.appointmentAt!), r.appointmentPlace ?? reminderTexts.defaultPlace);
}

/** Plans the reminders of a (new or moved) appointment and drops those of the previous version. */
export async function scheduleReminders(ports: ReminderPorts, r: RegistrationRow): Promise<number> {
  if (r.appointmentVersion > 1) await ports.unschedule(r.id, r.appointmentVersion - 1, KINDS);
  if (r.status !== 'scheduled' || !r.appointmentAt) return 0;
  const now = ports.now();
  // The news of the appointment itself goes out now (or at 07:00 if it is night), then the reminders.
  const plan = [{ kind: 'appointed', at: outOfQuietHours(now) }, ...planReminders(r.appointmentAt, now)];
  for (const p of plan) await ports.schedule({ registrationId: r.id, version: r.appointmentVersion, kind: p.kind }, p.at, now);
  return plan.length;
}

/**
 * Sends one reminder at most once. Stale jobs (cancelled, moved) do nothing; in the quiet hours it
 * moves itself to 07:00; opted-out or unreachable people and switched-off channels are skipped
 * with a record. The record and the outbound message are written in one transaction.
 */
export async function processReminder(ports: ReminderPorts, job: ReminderJobData): Promise<ReminderOutcome> {
  const t = await ports.reminderTarget(job.registrationId);
  if (!t || t.status !== 'scheduled' || t.appointmentVersion !== job.version || !t.appointmentAt) return 'stale';
  const now = ports.now();
  // A reminder deferred out of the quiet hours runs under its own job id but is the same reminder.
  const base = { registrationId: t.id, version: job.version, kind: job.kind.replace(/-deferred$/, '') };
  const skip = async (reason: string): Promise<ReminderOutcome> => ((await ports.recordReminder({ ...base, outcome: 'skipped', reason })) ? 'skipped' : 'duplicate');
  if (now.getTime() >= t.appointmentAt.getTime()) return skip('appointment already passed');
  if (isQuiet(now)) {
    const at = outOfQuietHours(now);
    if (at.getTime() >= t.appointmentAt.getTime()) return skip('quiet hours until the appointment');
    await ports.schedule({ ...job, kind: `${job.kind}-deferred` }, at, now);
    return 'deferred';
  }
  if (t.optedOut) return skip('opted out');
  if (t.unreachable) return skip('contact unreachable');
  const caps = ports.capabilities(t.channel, t.botId);
  if (!caps) return skip('channel switched off');
  let receipt: OutboxReceipt | undefined;
  const made = await ports.recordReminder({ ...base, outcome: 'sent' }, async (tx) => {
    receipt = await ports.outbox.add(tx, [
      {
        to: { channel: t.channel, botId: t.botId, chatId: t.chatId },
        priority: 'reminder',
        parts: [{ type: 'text', text: reminderText(t, base.kind, now) }],
        // A reminder after its appointment is pointless: it expires unsent.
        expiresAt: t.appointmentAt!,
        dedupe: { kind: 'reminder', key: `${t.id}:v${job.version}:${base.kind}` },
      },
    ]);
  });
  if (!made) return 'duplicate';
  if (receipt) await ports.outbox.afterCommit(receipt);
  return 'sent';
}
