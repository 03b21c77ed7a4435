import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMaintenance } from '../../src/queue/maintenance-queue.js';
import { workerConnectionOptions } from '../../src/queue/redis.js';
import { repairReminders } from '../../src/registration/reminder-repair.js';
import { reminderLog } from '../../src/db/schema/registrations.js';
import type { Db } from '../../src/db/client.js';
import { sweepOnce } from '../../src/pipeline/sweep.js';
import { outboundQueueName } from '../../src/queue/queues.js';
import { scheduleReminders } from '../../src/registration/reminders.js';
import { startTestService, type TestService } from '../harness/service.js';
import { waitFor } from '../harness/wait.js';

let ts: TestService;
let redis: Redis;
beforeAll(async () => {
  ts = await startTestService({ workers: false });
  redis = new Redis(ts.rt.config.REDIS_URL);
});
afterAll(async () => {
  await redis?.quit();
  await ts?.stop();
});

/** A "Redis flush" limited to this test's own keys under `prefix`. */
async function flushOwn(prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
}

describe('schedules survive a Redis flush', () => {
  it('re-creates the jobs of reminders not yet sent from what Postgres holds', async () => {
    const { repo, ports, reminders } = ts.rt.registrations;
    const sim = ts.rt.adapters.byChannel('web')!;
    const contact = await ts.rt.repos.contacts.upsertFromEvent({ channel: 'web', botId: sim.botId, chatId: 'chat-durable', userId: 'u-durable', at: new Date(), body: { type: 'text', text: 'x' } });
    const reg = await repo.create({ contactId: contact.id, fullName: 'Võ Thị Sáu', birthDate: '1960-01-01', phone: '0905123456', idKind: 'cccd', idNumber: '051160000124', communeId: 'duc-pho/pho-minh', address: 'Thôn 1', preferredDate: '2021-09-15' });
    // 10:00 in Vietnam three days ahead: no reminder of it falls in the quiet hours, whenever the test runs.
    const day = new Date(Date.now() + 7 * 3600_000 + 3 * 24 * 3600_000).toISOString().slice(0, 10);
    const [row] = await repo.appoint([reg.id], new Date(`${day}T10:00:00+07:00`), 'Trạm y tế');
    await scheduleReminders(ports, row!);
    const mine = async () => (await reminders.pending()).filter((j) => j.data.registrationId === reg.id).map((j) => j.data.kind).sort();
    expect(await mine()).toEqual(['appointed', 'day-before', 'two-hours']);

    await flushOwn(ts.rt.config.QUEUE_PREFIX);
    expect(await mine()).toEqual([]);
    await repairReminders(ts.rt.db, ports);
    expect(await mine()).toEqual(['appointed', 'day-before', 'two-hours']);

    // A reminder that already went out is not planned again.
    await repo.recordReminder({ registrationId: reg.id, version: row!.appointmentVersion, kind: 'appointed', outcome: 'sent' });
    await flushOwn(ts.rt.config.QUEUE_PREFIX);
    await repairReminders(ts.rt.db, ports);
    expect(await mine()).toEqual(['day-before', 'two-hours']);
  });

  it('sends at once, after an outage, the reminder whose time passed while its job was lost', async () => {
    const { repo } = ts.rt.registrations;
    const sim = ts.rt.adapters.byChannel('web')!;
    const contact = await ts.rt.repos.contacts.upsertFromEvent({ channel: 'web', botId: sim.botId, chatId: 'chat-missed', userId: 'u-missed', at: new Date(), body: { type: 'text', text: 'x' } });
    const reg = await repo.create({ contactId: contact.id, fullName: 'Lê Văn Tám', birthDate: '1958-01-01', phone: '0905123458', idKind: 'cccd', idNumber: '051158000125', communeId: 'duc-pho/pho-minh', address: 'Thôn 2', preferredDate: '2021-09-15' });
    // 15:00 Vietnam time, five days ahead; the resident was told of it two days before it.
    const day = new Date(Date.now() + 5 * 24 * 3600_000);
    const appointment = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8));
    const [row] = await repo.appoint([reg.id], appointment, 'Trạm y tế');
    await ts.rt.db.insert(reminderLog).values({ registrationId: reg.id, appointmentVersion: row!.appointmentVersion, kind: 'appointed', outcome: 'sent', at: new Date(appointment.getTime() - 2 * 24 * 3600_000) });
    const plannedAt = async (now: Date) => {
      const jobs: { kind: string; at: Date }[] = [];
      await repairReminders(ts.rt.db, { now: () => now, schedule: async (j, at) => void (j.registrationId === reg.id && jobs.push({ kind: j.kind, at })) });
      return jobs;
    };
    // The service comes back at 09:00 on the day: the 08:00 reminder of the day before was missed.
    const morning = new Date(appointment.getTime() - 6 * 3600_000);
    expect(await plannedAt(morning)).toEqual([
      { kind: 'day-before', at: morning },
      { kind: 'two-hours', at: new Date(appointment.getTime() - 2 * 3600_000) },
    ]);
    // It comes back at 14:00: both were missed; only the latest goes out, now.
    const late = new Date(appointment.getTime() - 3600_000);
    expect(await plannedAt(late)).toEqual([{ kind: 'two-hours', at: late }]);
    // After the appointment nothing is sent.
    expect(await plannedAt(new Date(appointment.getTime() + 60_000))).toEqual([]);
  });

  it('wakes a future outbox message again after a Redis flush (the due time lives in Postgres)', async () => {
    const { rt } = ts;
    const to = { channel: 'web', botId: 'simulator', chatId: 'chat-later.resident' };
    const receipt = await rt.db.transaction(async (tx) => rt.outbox.add(tx as unknown as Db, [{ to, priority: 'reminder', parts: [{ type: 'text', text: 'Nhắc sau' }], notBefore: new Date(Date.now() + 30_000) }]));
    await rt.outbox.afterCommit(receipt);
    const queue = new Queue(outboundQueueName('web', 'simulator'), { connection: workerConnectionOptions(rt.config.REDIS_URL), prefix: rt.config.QUEUE_PREFIX });
    try {
      const jobId = `out-${receipt.ids[0]}`;
      expect(await queue.getJob(jobId)).toBeDefined();
      await flushOwn(rt.config.QUEUE_PREFIX);
      expect(await queue.getJob(jobId)).toBeUndefined();
      await sweepOnce(rt.deps.sweep, 0);
      const again = await queue.getJob(jobId);
      expect(again).toBeDefined();
      expect(await again!.getState()).toBe('delayed');
    } finally {
      await queue.close();
    }
  });

  it('puts the repeating maintenance schedule back when it is missing', async () => {
    const prefix = `qt${randomBytes(4).toString('hex')}`;
    const maintenance = await startMaintenance({ redisUrl: ts.rt.config.REDIS_URL, prefix, everyMs: 3600_000, recheckMs: 200, log: pino({ level: 'silent' }) }, []);
    const queue = new Queue('maintenance', { connection: workerConnectionOptions(ts.rt.config.REDIS_URL), prefix });
    try {
      await waitFor(async () => (await queue.getJobScheduler('tick')) !== undefined, 'the schedule registered');
      await flushOwn(prefix);
      expect(await queue.getJobScheduler('tick')).toBeUndefined();
      await waitFor(async () => (await queue.getJobScheduler('tick')) !== undefined, 'the schedule re-registered', 5000);
    } finally {
      await maintenance.close();
      await queue.close();
      await flushOwn(prefix);
    }
  });
});
