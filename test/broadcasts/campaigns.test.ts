import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/broadcasts/sql-rows.js';
import { ManualClock, official, operator, RecordingAdapter, seedResidents, sendLikeTheQueue } from '../harness/broadcasts.js';
import { startTestService, type TestService } from '../harness/service.js';

const A = 'duc-pho/pho-minh';
const clock = new ManualClock(new Date('2021-09-01T02:00:00Z'));
const tg = new RecordingAdapter('telegram', 'tgbot', 10);
let ts: TestService;

beforeAll(async () => {
  ts = await startTestService({ workers: false, clock, adapters: [tg] });
});
afterAll(async () => {
  await ts?.stop();
});

/** A registration of a seeded person with an appointment (Vietnam time given as UTC instant). */
async function appointment(personId: number, at: string, name: string): Promise<number> {
  const [r] = rowsOf(
    await ts.rt.db.execute(sql`insert into vaccination_registrations (contact_id, full_name, commune_id, status, appointment_at, appointment_place, appointment_version)
      values (${personId}, ${name}, ${A}, 'scheduled', ${at}::timestamptz, 'Trạm y tế Phổ Minh', 1) returning id`),
  );
  return Number(r!.id);
}

async function sendQueued(): Promise<void> {
  const ids = rowsOf(await ts.rt.db.execute(sql`select outbound_id from campaign_messages where status = 'queued'`)).map((r) => Number(r.outbound_id));
  for (const id of ids) await sendLikeTheQueue(ts.rt.deps.outbound, id);
}

describe('campaigns tied to registrations', () => {
  it('sends "3 days before" at 09:00, within the grace period after downtime, and records a late one as skipped', async () => {
    const [p1, p2, p3] = await seedResidents(ts.rt.db, 3, { channel: 'telegram', botId: 'tgbot', communeId: A, consent: true, prefix: 'camp-' });
    await expect(ts.rt.broadcasts.createCampaign(official(1, ['duc-pho/pho-hoa']), 'api', { text: 'x', communes: [A], offsetDays: -3 })).rejects.toThrow(/outside your communes/);
    const { id } = await ts.rt.broadcasts.createCampaign(official(1, [A]), 'api', {
      text: 'Nhắc {ten}: lịch tiêm mũi 2 lúc {ngay} tại {dia_diem}.',
      communes: ['Phổ Minh'],
      offsetDays: -3,
      hour: 9,
      graceMinutes: 120,
    });
    await appointment(p1!, '2021-09-10T01:00:00Z', 'Nguyễn Văn A'); // 08:00 VN on the 10th -> due 09:00 VN on the 7th
    await appointment(p2!, '2021-09-11T01:00:00Z', 'Trần Thị B'); // due 09:00 VN on the 8th
    await appointment(p3!, '2021-09-12T01:00:00Z', 'Lê Văn C'); // due 09:00 VN on the 9th
    await ts.rt.broadcasts.tick();
    expect(await ts.rt.broadcasts.campaignOutcomes(id)).toEqual({ due: 3 });

    clock.set('2021-09-07T02:00:00Z'); // exactly on time
    await ts.rt.broadcasts.tick();
    await sendQueued();
    expect(tg.sent.map((m) => m.part.type === 'text' && m.part.text)).toEqual(['Nhắc Nguyễn Văn A: lịch tiêm mũi 2 lúc 10/09/2021 08:00 tại Trạm y tế Phổ Minh.']);

    // Down from before 09:00 on the 8th until 10:30 (within 120 min grace): sent late.
    clock.set('2021-09-08T03:30:00Z');
    await ts.rt.broadcasts.tick();
    // Down from before 09:00 on the 9th until 12:00 (beyond the grace): skipped and counted.
    clock.set('2021-09-09T05:00:00Z');
    await ts.rt.broadcasts.tick();
    await sendQueued();
    expect(tg.sent).toHaveLength(2);
    expect(await ts.rt.broadcasts.campaignOutcomes(id)).toEqual({ queued: 2, 'skipped:late': 1 });
    expect(await ts.rt.broadcasts.preview(operator, { text: 'x', communes: [A], audience: 'residents' })).toMatchObject({ recipients: 3 });
  });
});
