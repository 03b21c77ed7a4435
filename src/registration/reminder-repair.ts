import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { registrations, reminderLog } from '../db/schema/registrations.js';
import { outOfQuietHours } from '../domain/quiet-hours.js';
import { missedReminder, planReminders } from './reminder-plan.js';
import type { ReminderPorts } from './reminders.js';

/**
 * Postgres holds every reminder's due time (the appointment and its version); Redis jobs only wake
 * them. This re-creates the jobs of reminders not yet recorded as sent or skipped, so a Redis flush
 * or a restart without persistence loses nothing; one whose time passed meanwhile (the latest
 * such) is sent at once, as long as the appointment is still ahead. Idempotent: job ids are deterministic, and a
 * reminder that already ran is recorded in `reminder_log` and not planned again.
 */
export async function repairReminders(db: Db, ports: Pick<ReminderPorts, 'schedule' | 'now'>): Promise<number> {
  const now = ports.now();
  const due = await db
    .select({ id: registrations.id, version: registrations.appointmentVersion, at: registrations.appointmentAt })
    .from(registrations)
    .where(and(eq(registrations.status, 'scheduled'), gt(registrations.appointmentAt, now)));
  if (due.length === 0) return 0;
  const done = await db
    .select({ id: reminderLog.registrationId, version: reminderLog.appointmentVersion, kind: reminderLog.kind, at: reminderLog.at })
    .from(reminderLog)
    .where(inArray(reminderLog.registrationId, due.map((r) => r.id)));
  const recorded = new Set(done.map((d) => `${d.id}/${d.version}/${d.kind}`));
  const toldAt = new Map(done.filter((d) => d.kind === 'appointed').map((d) => [`${d.id}/${d.version}`, d.at]));
  let scheduled = 0;
  for (const r of due) {
    // A reminder whose time passed while its job was lost (Redis flushed, service down) goes out now.
    const told = toldAt.get(`${r.id}/${r.version}`);
    const missed = told ? missedReminder(r.at!, told, now) : undefined;
    const plan = [{ kind: 'appointed', at: outOfQuietHours(now) }, ...(missed ? [{ kind: missed.kind, at: now }] : []), ...planReminders(r.at!, now)];
    for (const p of plan) {
      if (recorded.has(`${r.id}/${r.version}/${p.kind}`)) continue;
      await ports.schedule({ registrationId: r.id, version: r.version, kind: p.kind }, p.at, now);
      scheduled++;
    }
  }
  return scheduled;
}
