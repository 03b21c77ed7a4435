import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMaintenance } from '../../src/queue/maintenance-queue.js';
import { workerConnectionOptions } from '../../src/queue/redis.js';
import { repairReminders } from '../../src/registration/reminder-repair.js';
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
    const [row] = await repo.appoint([reg.id], new Date(Date.now() + 3 * 24 * 3600_000), 'Trạm y tế');
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
