import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/domain/clock.js';
import { outboundMessages } from '../../src/db/schema/outbound.js';
import { registrations } from '../../src/db/schema/registrations.js';
import { ReminderQueue } from '../../src/queue/reminder-queue.js';
import { exportRegistrations, setAppointments } from '../../src/registration/appointments.js';
import { parseVnDateTime, planReminders } from '../../src/registration/reminder-plan.js';
import { processReminder, scheduleReminders } from '../../src/registration/reminders.js';
import { startTestService, type TestService } from '../harness/service.js';

/** Vietnam local time as a Date. */
const vn = (s: string) => parseVnDateTime(s)!;
const fmt = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

class FakeClock implements Clock {
  constructor(private t: Date) {}
  now() {
    return this.t;
  }
  set(s: string) {
    this.t = vn(s);
  }
}

describe('when reminders are planned', () => {
  it('plans the day before at 08:00 and two hours before, in Vietnam time', () => {
    const plan = planReminders(vn('2021-09-15 14:30'), vn('2021-09-10 10:00'));
    expect(plan.map((p) => [p.kind, fmt(p.at)])).toEqual([['day-before', '2021-09-14 08:00'], ['two-hours', '2021-09-15 12:30']]);
  });

  it('moves a reminder out of the quiet hours (21:00-07:00), and drops one that would come too late', () => {
    expect(planReminders(vn('2021-09-15 08:30'), vn('2021-09-10 10:00')).map((p) => fmt(p.at))).toEqual(['2021-09-14 08:00', '2021-09-15 07:00']);
    expect(planReminders(vn('2021-09-15 07:00'), vn('2021-09-10 10:00')).map((p) => p.kind)).toEqual(['day-before']);
  });

  it('plans nothing already past', () => {
    expect(planReminders(vn('2021-09-15 14:30'), vn('2021-09-15 13:00'))).toEqual([]);
  });
});

let ts: TestService;
const clock = new FakeClock(vn('2021-09-10 10:00'));
beforeAll(async () => {
  ts = await startTestService({ workers: false, clock });
});
afterAll(async () => {
  await ts?.stop();
});

async function registration(name: string, extra: Partial<typeof registrations.$inferInsert> = {}): Promise<number> {
  const sim = ts.rt.adapters.byChannel('web')!;
  const contact = await ts.rt.repos.contacts.upsertFromEvent({ channel: 'web', botId: sim.botId, chatId: `chat-${name}`, userId: `u-${name}`, at: new Date(), body: { type: 'text', text: 'x' } });
  const row = await ts.rt.registrations.repo.create({ contactId: contact.id, fullName: name, birthDate: '1960-01-01', phone: '0905123456', idKind: 'cccd', idNumber: '051160000123', communeId: 'duc-pho/pho-minh', address: 'Thôn 1', preferredDate: '2021-09-15', ...extra });
  return row.id;
}

/** Pending jobs of a registration as [id, Vietnam time it runs at], given when they were scheduled. */
const jobsOf = async (id: number, scheduledAt = clock.now()) =>
  (await ts.rt.registrations.reminders.pending()).filter((j) => j.data.registrationId === id).map((j) => [j.id, fmt(new Date(scheduledAt.getTime() + j.delayMs))]).sort();

describe('appointment reminders as delayed jobs', () => {
  it('schedules the news and both reminders with deterministic ids, and moves them with the appointment', async () => {
    const id = await registration('Lê Thị Mai');
    const { repo, ports } = ts.rt.registrations;
    await setAppointments(repo, ports, [id], vn('2021-09-15 14:30'), 'Trạm y tế Phổ Minh');
    expect(await jobsOf(id)).toEqual([[`rem-${id}-v1-appointed`, '2021-09-10 10:00'], [`rem-${id}-v1-day-before`, '2021-09-14 08:00'], [`rem-${id}-v1-two-hours`, '2021-09-15 12:30']]);

    await setAppointments(repo, ports, [id], vn('2021-09-16 09:00'), 'Trường THCS Phổ Minh');
    expect(await jobsOf(id)).toEqual([[`rem-${id}-v2-appointed`, '2021-09-10 10:00'], [`rem-${id}-v2-day-before`, '2021-09-15 08:00'], [`rem-${id}-v2-two-hours`, '2021-09-16 07:00']]);
    expect(await processReminder(ports, { registrationId: id, version: 1, kind: 'day-before' })).toBe('stale');
  });

  it('survives a restart without duplicating jobs', async () => {
    const id = await registration('Phạm Văn Tư');
    const { repo, ports } = ts.rt.registrations;
    const [row] = await repo.appoint([id], vn('2021-09-20 10:00'), 'Trạm y tế');
    await scheduleReminders(ports, row!);
    const again = new ReminderQueue({ redisUrl: ts.rt.config.REDIS_URL, prefix: ts.rt.config.QUEUE_PREFIX, log: ts.rt.log });
    try {
      await scheduleReminders({ ...ports, schedule: (j, at, now) => again.schedule(j, at, now) }, row!);
      expect((await again.pending()).filter((j) => j.data.registrationId === id)).toHaveLength(3);
    } finally {
      await again.close();
    }
  });

  it('sends a reminder once, with the appointment in the text and no personal data in the job', async () => {
    const id = await registration('Võ Thị Sáu');
    const { repo, ports } = ts.rt.registrations;
    await setAppointments(repo, ports, [id], vn('2021-09-15 14:30'), 'Trạm y tế Phổ Minh');
    const job = (await ts.rt.registrations.reminders.pending()).find((j) => j.id === `rem-${id}-v1-day-before`)!;
    expect(JSON.stringify(job.data)).not.toMatch(/0905123456|051160000123|Võ Thị Sáu/);
    clock.set('2021-09-14 08:00');
    expect(await processReminder(ports, job.data)).toBe('sent');
    expect(await processReminder(ports, job.data)).toBe('duplicate');
    const log = await repo.reminderLog(id);
    expect(log.filter((l) => l.kind === 'day-before')).toHaveLength(1);
    const sim = ts.rt.adapters.byChannel('web')!;
    const sent = (await ts.rt.db.select().from(outboundMessages).where(eq(outboundMessages.chatId, 'chat-Võ Thị Sáu'))).map((m) => JSON.stringify(m.part));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('14:30 ngày 15/09/2021');
    expect(sent[0]).toContain('Trạm y tế Phổ Minh');
    expect(sim.botId).toBeTruthy();
    clock.set('2021-09-10 10:00');
  });

  it('waits out the quiet hours instead of sending at night', async () => {
    const id = await registration('Đặng Văn Năm');
    const { repo, ports } = ts.rt.registrations;
    await setAppointments(repo, ports, [id], vn('2021-09-15 14:30'), 'Trạm y tế');
    clock.set('2021-09-14 22:15');
    expect(await processReminder(ports, { registrationId: id, version: 1, kind: 'day-before' })).toBe('deferred');
    expect(await jobsOf(id, vn('2021-09-14 22:15'))).toContainEqual([`rem-${id}-v1-day-before-deferred`, '2021-09-15 07:00']);
    clock.set('2021-09-15 07:00');
    expect(await processReminder(ports, { registrationId: id, version: 1, kind: 'day-before-deferred' })).toBe('sent');
    expect((await repo.reminderLog(id)).map((l) => [l.kind, l.outcome])).toEqual([['day-before', 'sent']]);
    clock.set('2021-09-10 10:00');
  });

  it('skips, with a record, people who opted out or cannot be reached, and cancelled registrations', async () => {
    const { repo, ports } = ts.rt.registrations;
    const out = await registration('Ngô Thị Bảy');
    await setAppointments(repo, ports, [out], vn('2021-09-15 14:30'), 'Trạm y tế');
    const [row] = await ts.rt.db.select().from(registrations).where(eq(registrations.id, out));
    await repo.setOptOut(row!.contactId, true);
    expect(await processReminder(ports, { registrationId: out, version: 1, kind: 'two-hours' })).toBe('skipped');
    expect((await repo.reminderLog(out))[0]).toMatchObject({ outcome: 'skipped', reason: 'opted out' });

    const gone = await registration('Huỳnh Văn Tám');
    await setAppointments(repo, ports, [gone], vn('2021-09-15 14:30'), 'Trạm y tế');
    await ts.rt.repos.contacts.markUnreachable('web', ts.rt.adapters.byChannel('web')!.botId, 'chat-Huỳnh Văn Tám', 'blocked');
    expect(await processReminder(ports, { registrationId: gone, version: 1, kind: 'two-hours' })).toBe('skipped');

    const cancelled = await registration('Mai Văn Chín');
    await setAppointments(repo, ports, [cancelled], vn('2021-09-15 14:30'), 'Trạm y tế');
    const [c] = await ts.rt.db.select().from(registrations).where(eq(registrations.id, cancelled));
    await repo.cancel(cancelled, c!.contactId, clock.now());
    expect(await processReminder(ports, { registrationId: cancelled, version: 1, kind: 'two-hours' })).toBe('stale');
  });
});

describe('officials export and retention', () => {
  it('exports CSV with a BOM and formula-looking cells escaped', async () => {
    await registration('Tô Văn Mười', { address: '=HYPERLINK("http://evil")', communeId: 'duc-pho/pho-van' });
    const csv = await exportRegistrations(ts.rt.registrations.repo, ['duc-pho/pho-van'], (id) => ts.rt.venues.domain.communeById(id)?.name ?? id);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Tô Văn Mười');
    expect(csv).toContain('Phường Phổ Văn');
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });

  it('erases personal data after the retention period following the last appointment', async () => {
    const id = await registration('Lý Thị Mười Một');
    const { repo, ports } = ts.rt.registrations;
    await setAppointments(repo, ports, [id], vn('2021-09-15 14:30'), 'Trạm y tế');
    expect(await repo.purgePersonalData(vn('2021-09-15 14:00'), clock.now())).toBeGreaterThanOrEqual(0);
    expect((await ts.rt.db.select().from(registrations).where(eq(registrations.id, id)))[0]!.idNumber).toBe('051160000123');
    await repo.purgePersonalData(vn('2021-10-20 00:00'), clock.now());
    const [row] = await ts.rt.db.select().from(registrations).where(eq(registrations.id, id));
    expect(row).toMatchObject({ fullName: null, phone: null, idNumber: null, address: null, communeId: 'duc-pho/pho-minh' });
    expect(row!.purgedAt).not.toBeNull();
  });
});
