import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/broadcasts/sql-rows.js';
import { SendError } from '../../src/channels/contract.js';
import { ManualClock, official, operator, RecordingAdapter, seedResidents, sendLikeTheQueue } from '../harness/broadcasts.js';
import { startTestService, type TestService } from '../harness/service.js';

const A = 'duc-pho/pho-minh';
const B = 'duc-pho/pho-hoa';
const C = 'duc-pho/pho-quang';
// 09:00 in Vietnam.
const clock = new ManualClock(new Date('2021-09-14T02:00:00Z'));
const tg = new RecordingAdapter('telegram', 'tgbot', 5);
const oa = new RecordingAdapter('zalo-oa', 'oa1', 5);
let ts: TestService;

beforeAll(async () => {
  ts = await startTestService({ workers: false, clock, adapters: [tg, oa], env: { BROADCAST_APPROVAL_THRESHOLD: '25', BROADCAST_DAILY_CAP: '2', BROADCAST_GRACE_MINUTES: '60' } });
});
afterAll(async () => {
  await ts?.stop();
});

const b = () => ts.rt.broadcasts;
const now = { kind: 'now' as const };

/** Queued outbound ids of a broadcast's recipients. */
async function queued(id: number): Promise<number[]> {
  return rowsOf(
    await ts.rt.db.execute(sql`select x.outbound_id from broadcast_recipients x join broadcast_runs r on r.id = x.run_id where r.broadcast_id = ${id} and x.status = 'queued' order by x.id`),
  ).map((r) => Number(r.outbound_id));
}

/** Sends every queued message through the real outbound processor, then ticks, until the run is done. */
async function drain(id: number, rounds = 50): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await b().tick();
    const ids = await queued(id);
    const p = await b().progress(operator, id);
    if (ids.length === 0 && p.runs.every((r) => r.status !== 'sending' && r.status !== 'due')) return;
    for (const o of ids) await sendLikeTheQueue(ts.rt.deps.outbound, o);
  }
}

/**
 * The run counts the engine and progress read (kept by a trigger) against a count of the ledger
 * rows themselves: they must agree after every kind of write (start, hand-over, mirror, pause, cancel).
 */
async function expectCountsMatchLedger(id: number): Promise<void> {
  const q = (table: 'broadcast_run_counts' | 'broadcast_recipients') =>
    table === 'broadcast_run_counts'
      ? sql`select c.run_id, c.channel, c.bot_id, c.status, c.n::int as n from broadcast_run_counts c join broadcast_runs r on r.id = c.run_id where r.broadcast_id = ${id} and c.n <> 0 order by 1, 2, 3, 4`
      : sql`select x.run_id, coalesce(x.channel, '') as channel, coalesce(x.bot_id, '') as bot_id, x.status, count(*)::int as n from broadcast_recipients x join broadcast_runs r on r.id = x.run_id
          where r.broadcast_id = ${id} group by 1, 2, 3, 4 order by 1, 2, 3, 4`;
  const counted = rowsOf(await ts.rt.db.execute(q('broadcast_recipients')));
  expect(counted.length).toBeGreaterThan(0);
  expect(rowsOf(await ts.rt.db.execute(q('broadcast_run_counts')))).toEqual(counted);
}

describe('scope', () => {
  it('an official cannot target, see or control another commune', async () => {
    await seedResidents(ts.rt.db, 3, { channel: 'telegram', botId: 'tgbot', communeId: B, consent: true });
    const mine = official(1, [A]);
    await expect(b().preview(mine, { text: 'Xin chào', communes: [B], audience: 'residents' })).rejects.toThrow(/outside your communes/);
    await expect(b().create(mine, 'api', { text: 'Xin chào', communes: ['Phổ Hòa'], audience: 'residents' })).rejects.toThrow(/outside your communes/);
    const theirs = await b().create(official(2, [B]), 'api', { text: 'Thông báo của Phổ Hòa', communes: ['pho hoa'], audience: 'residents', schedule: { kind: 'at', at: '2021-09-20T02:00:00Z' } });
    await expect(b().progress(mine, theirs.id)).rejects.toThrow(/no broadcast/);
    await expect(b().pause(mine, 'api', theirs.id)).rejects.toThrow(/no broadcast/);
    await expect(b().results(mine, theirs.id)).rejects.toThrow(/no broadcast/);
    expect((await b().list(mine)).map((x) => x.id)).not.toContain(theirs.id);
    expect((await b().list(official(3, [B]))).map((x) => x.id)).toContain(theirs.id);
    await b().cancel(operator, 'cli', theirs.id);
  });
});

describe('preview, approval and exclusions', () => {
  it('counts recipients per commune and channel and says who is excluded and why', async () => {
    await seedResidents(ts.rt.db, 4, { channel: 'telegram', botId: 'tgbot', communeId: C, consent: true });
    await seedResidents(ts.rt.db, 2, { channel: 'telegram', botId: 'tgbot', communeId: C, consent: false });
    await seedResidents(ts.rt.db, 3, { channel: 'telegram', botId: 'tgbot', communeId: C });
    await seedResidents(ts.rt.db, 2, { channel: 'zalo-oa', botId: 'oa1', communeId: C, consent: true, lastSeenAt: new Date(clock.now().getTime() - 8 * 24 * 3600_000) });
    await seedResidents(ts.rt.db, 1, { channel: 'zalo-oa', botId: 'oa1', communeId: C, consent: true, lastSeenAt: new Date(clock.now().getTime() - 2 * 24 * 3600_000) });
    const p = await b().preview(official(1, [C]), { text: 'Mời bà con đi tiêm mũi 2', communes: ['Phổ Quang'], audience: 'residents', button: { label: 'Đăng ký', url: 'https://example.org/dk' } });
    expect(p.recipients).toBe(5);
    expect(p.byChannel).toEqual({ telegram: 4, 'zalo-oa': 1 });
    expect(p.exclusions).toEqual({ 'opted-out': 2, 'no-consent': 3, 'outside-zalo-window': 2 });
    expect(p.byCommune).toEqual([expect.objectContaining({ communeId: C, recipients: 5, excluded: 7 })]);
    // Telegram shows the link as a button under the text, not as a line of it.
    expect(p.texts.telegram).toMatch(/Mời bà con đi tiêm mũi 2[\s\S]*DỪNG/);
    expect(p.texts.telegram).not.toMatch(/Đăng ký: http/);
    expect(p.etaSeconds).toBe(1);
    expect(p.needsApproval).toBe(false);
  });

  it('a Zalo OA unfollow makes the chat unreachable until the person writes again', async () => {
    const commune = 'binh-son/binh-hiep';
    await seedResidents(ts.rt.db, 1, { channel: 'zalo-oa', botId: 'oa1', communeId: commune, consent: true, prefix: 'unf-' });
    const event = (type: 'unfollow' | 'follow') => ({ channel: 'zalo-oa' as const, botId: 'oa1', chatId: 'unf-1', userId: 'unf-1', at: clock.now(), body: { type } });
    await ts.rt.repos.contacts.upsertFromEvent(event('unfollow'));
    expect(await b().preview(operator, { text: 'x', communes: [commune], audience: 'residents' })).toMatchObject({ recipients: 0, exclusions: { unreachable: 1 } });
    await ts.rt.repos.contacts.upsertFromEvent(event('follow'));
    expect((await b().preview(operator, { text: 'x', communes: [commune], audience: 'residents' })).recipients).toBe(1);
  });

  it('above the threshold or for the whole area a district admin must approve', async () => {
    await seedResidents(ts.rt.db, 30, { channel: 'telegram', botId: 'tgbot', communeId: 'duc-pho/pho-ninh', consent: true });
    const o = official(7, ['duc-pho/pho-ninh']);
    const big = await b().create(o, 'api', { text: 'Tin lớn', communes: ['pho ninh'], audience: 'residents', schedule: { kind: 'at', at: '2021-09-20T02:00:00Z' } });
    expect(big.status).toBe('awaiting-approval');
    expect(big.preview.approvalReason).toMatch(/more than 25/);
    await expect(b().approve(o, 'api', big.id)).rejects.toThrow(/district admin/);
    await b().approve(official(8, [], 'admin'), 'api', big.id);
    expect((await b().progress(operator, big.id)).status).toBe('scheduled');
    const area = await b().preview(official(9, ts.rt.venues.domain.communes.map((c) => c.id)), { text: 'Toàn khu vực', communes: ['all'], audience: 'residents' });
    expect(area.wholeArea).toBe(true);
    expect(area.needsApproval).toBe(true);
    expect((await b().preview(official(9, [], 'admin'), { text: 'Toàn khu vực', communes: ['tất cả'], audience: 'residents' })).needsApproval).toBe(false);
    await b().cancel(operator, 'cli', big.id);
  });
});

describe('sending', () => {
  it('never sends in quiet hours, then sends each person exactly once and marks blocked chats unreachable', async () => {
    const commune = 'duc-pho/pho-thanh';
    const people = await seedResidents(ts.rt.db, 12, { channel: 'telegram', botId: 'tgbot', communeId: commune, consent: true, prefix: 'quiet-' });
    tg.refuse.set('quiet-3', new SendError('unreachable', 'Forbidden: bot was blocked by the user', { platformCode: '403' }));
    clock.set('2021-09-14T15:00:00Z'); // 22:00 in Vietnam
    const { id } = await b().create(operator, 'cli', { text: 'Nhắc quét mã', communes: [commune], audience: 'residents' });
    await b().tick();
    await b().tick();
    expect(await queued(id)).toEqual([]);
    expect((await b().progress(operator, id)).runs[0]!.counts).toEqual({ pending: 12 });
    clock.set('2021-09-15T00:00:00Z'); // 07:00
    await b().tick();
    expect((await queued(id)).length).toBe(10); // two seconds at 5 msg/s
    await drain(id);
    const p = await b().progress(operator, id);
    expect(p.runs[0]!.counts).toEqual({ sent: 11, unreachable: 1 });
    expect(p.runs[0]!.status).toBe('done');
    const got = tg.perChat();
    expect(people.length).toBe(12);
    for (let i = 1; i <= 12; i++) expect(got.get(`quiet-${i}`) ?? 0).toBe(i === 3 ? 0 : 1);
    const [blocked] = rowsOf(await ts.rt.db.execute(sql`select unreachable_at from contacts where chat_id = 'quiet-3'`));
    expect(blocked!.unreachable_at).not.toBeNull();
  });

  it('caps each person at two broadcasts a day across broadcasts', async () => {
    const commune = 'duc-pho/pho-van';
    await seedResidents(ts.rt.db, 3, { channel: 'telegram', botId: 'tgbot', communeId: commune, consent: true, prefix: 'cap-' });
    clock.set('2021-09-15T03:00:00Z');
    for (const text of ['Tin 1', 'Tin 2', 'Tin 3']) {
      const { id } = await b().create(operator, 'cli', { text, communes: [commune], audience: 'residents' });
      await drain(id);
    }
    const third = (await b().list(operator)).find((x) => x.text === 'Tin 3')!;
    expect((await b().progress(operator, third.id)).runs[0]!.counts).toEqual({ excluded: 3 });
    expect(await b().preview(operator, { text: 'Tin 4', communes: [commune], audience: 'residents' })).toMatchObject({ recipients: 0, exclusions: { 'frequency-cap': 3 } });
    clock.set('2021-09-15T17:00:00Z'); // midnight in Vietnam: a new day
    expect((await b().preview(operator, { text: 'Tin 4', communes: [commune], audience: 'residents' })).recipients).toBe(3);
  });

  it('pause takes back unclaimed messages, resume continues, cancel stops for good', async () => {
    const commune = 'duc-pho/pho-vinh';
    await seedResidents(ts.rt.db, 25, { channel: 'telegram', botId: 'tgbot', communeId: commune, consent: true, prefix: 'pause-' });
    clock.set('2021-09-16T03:00:00Z');
    const before = tg.sent.length;
    const { id } = await b().create(operator, 'cli', { text: 'Tạm dừng thử', communes: [commune], audience: 'residents' });
    await b().tick();
    const first = await queued(id);
    expect(first.length).toBe(10);
    await expectCountsMatchLedger(id);
    for (const o of first.slice(0, 4)) await sendLikeTheQueue(ts.rt.deps.outbound, o);
    await b().tick();
    await expectCountsMatchLedger(id);
    await b().pause(operator, 'cli', id);
    await expectCountsMatchLedger(id);
    for (const o of first) await sendLikeTheQueue(ts.rt.deps.outbound, o); // the withdrawn six are not sent
    await b().tick();
    expect(await queued(id)).toEqual([]);
    expect((await b().progress(operator, id)).runs[0]!.counts).toEqual({ pending: 21, sent: 4 });
    await b().resume(operator, 'cli', id);
    await b().tick();
    const second = await queued(id);
    expect(second.length).toBe(10);
    for (const o of second) await sendLikeTheQueue(ts.rt.deps.outbound, o);
    await b().cancel(operator, 'cli', id);
    await b().tick();
    const p = await b().progress(operator, id);
    expect(p.status).toBe('cancelled');
    expect(p.runs[0]!.counts).toEqual({ sent: 14, cancelled: 11 });
    await expectCountsMatchLedger(id);
    expect(tg.sent.length - before).toBe(14);
    await expect(b().resume(operator, 'cli', id)).rejects.toThrow(/cancelled/);
  });
});

describe('restarts and schedules', () => {
  it('a restart in the middle resumes without sending anyone twice', async () => {
    const commune = 'duc-pho/pho-an';
    await seedResidents(ts.rt.db, 23, { channel: 'telegram', botId: 'tgbot', communeId: commune, consent: true, prefix: 'crash-' });
    clock.set('2021-09-17T03:00:00Z');
    const before = tg.perChat();
    const { id } = await b().create(operator, 'cli', { text: 'Sau sự cố', communes: [commune], audience: 'residents' });
    await b().tick();
    const handed = await queued(id);
    for (const o of handed.slice(0, 5)) await sendLikeTheQueue(ts.rt.deps.outbound, o);
    // The process dies during the sixth platform call: the row stays claimed ("sending").
    await ts.rt.db.execute(sql`update outbound_messages set status = 'sending', claimed_at = now() - interval '10 minutes' where id = ${handed[5]!}`);
    // A new process on the same database and queues takes over.
    const again = await startTestService({ workers: false, clock, adapters: [tg, oa], databaseUrl: ts.databaseUrl, env: { QUEUE_PREFIX: 'ignored' } });
    try {
      const b2 = again.rt.broadcasts;
      for (let i = 0; i < 20; i++) {
        await b2.tick();
        for (const o of await queued(id)) await sendLikeTheQueue(again.rt.deps.outbound, o);
      }
      const p = await b2.progress(operator, id);
      expect(p.runs[0]!.counts).toEqual({ sent: 22, uncertain: 1 });
      expect(p.runs[0]!.status).toBe('done');
    } finally {
      await again.rt.close();
    }
    const after = tg.perChat();
    for (let i = 1; i <= 23; i++) expect((after.get(`crash-${i}`) ?? 0) - (before.get(`crash-${i}`) ?? 0), `crash-${i}`).toBe(i === 6 ? 0 : 1);
  }, 120_000); // starts a second runtime, slow on a busy machine

  it('a daily broadcast at 06:30 runs once per Vietnam day, waits for 07:00, and a missed day is recorded, not sent late', async () => {
    const commune = 'binh-son/binh-chanh';
    await seedResidents(ts.rt.db, 2, { channel: 'telegram', botId: 'tgbot', communeId: commune, consent: true, prefix: 'daily-' });
    clock.set('2021-09-20T10:00:00Z'); // 17:00 VN on the 20th
    const { id } = await b().create(operator, 'cli', { text: 'Nhắc hằng ngày', communes: [commune], audience: 'residents', schedule: { kind: 'repeat', every: 'daily', time: '06:30', until: '2021-09-23' } });
    await b().tick();
    let p = await b().progress(operator, id);
    expect(p.runs.map((r) => [r.dueAt, r.status])).toEqual([['2021-09-20T23:30:00.000Z', 'due']]);
    clock.set('2021-09-20T23:31:00Z'); // 06:31 VN: due, but still quiet hours
    await b().tick();
    expect(await queued(id)).toEqual([]);
    clock.set('2021-09-21T00:00:00Z'); // 07:00
    await drain(id);
    // The service is down on the 22nd; it comes back on the 23rd at 09:00, beyond the 60-minute grace.
    clock.set('2021-09-23T02:00:00Z');
    for (let i = 0; i < 6; i++) await b().tick();
    await drain(id);
    p = await b().progress(operator, id);
    expect(p.runs.map((r) => [r.dueAt, r.status])).toEqual([
      ['2021-09-20T23:30:00.000Z', 'done'],
      ['2021-09-21T23:30:00.000Z', 'missed'],
      ['2021-09-22T23:30:00.000Z', 'missed'],
    ]);
    expect(p.runs[0]!.counts).toEqual({ sent: 2 });
    expect(p.runs[1]!.note).toMatch(/grace/);
    expect(p.status).toBe('done');
  });
});
