import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAudience, type AudienceOptions } from '../../src/broadcasts/audience.js';
import { rowsOf } from '../../src/broadcasts/sql-rows.js';
import { ManualClock, operator, RecordingAdapter, seedResidents } from '../harness/broadcasts.js';
import { startTestService, type TestService } from '../harness/service.js';

const COMMUNE = 'duc-pho/pho-khanh';
const clock = new ManualClock(new Date('2021-09-14T02:00:00Z'));
const DAY = 24 * 3600_000;
let ts: TestService;

beforeAll(async () => {
  ts = await startTestService({ workers: false, clock, adapters: [new RecordingAdapter('telegram', 'tgbot', 5), new RecordingAdapter('zalo-oa', 'oa1', 5)] });
});
afterAll(async () => {
  await ts?.stop();
});

/** A second chat of `person` (linked account), last used `ageMs` ago; returns its contact id. */
async function linkChat(person: number, channel: string, botId: string, chatId: string, ageMs: number, unreachable = false): Promise<void> {
  await ts.rt.db.execute(sql`insert into contacts (channel, bot_id, chat_id, user_id, last_seen_at, linked_to, unreachable_at)
    values (${channel}, ${botId}, ${chatId}, ${chatId}, ${new Date(clock.now().getTime() - ageMs).toISOString()}::timestamptz, ${person}, ${unreachable ? clock.now().toISOString() : null}::timestamptz)`);
}

describe('resolving an audience in Postgres', () => {
  it('picks the chat used last on a live bot that its policy allows, says why others are excluded, and the run records exactly that', async () => {
    const seen = (ageMs: number) => new Date(clock.now().getTime() - ageMs);
    const [tgOnly] = await seedResidents(ts.rt.db, 1, { channel: 'telegram', botId: 'tgbot', communeId: COMMUNE, consent: true, prefix: 'aq-tg-', lastSeenAt: seen(DAY) });
    // Zalo used last but outside its 7-day window: the older Telegram chat is used instead.
    const [oaStale] = await seedResidents(ts.rt.db, 1, { channel: 'zalo-oa', botId: 'oa1', communeId: COMMUNE, consent: true, prefix: 'aq-oa-', lastSeenAt: seen(8 * DAY) });
    await linkChat(oaStale!, 'telegram', 'tgbot', 'aq-oa-tg', 9 * DAY);
    // A linked Telegram chat used more recently than the primary one wins.
    const [linkedNewer] = await seedResidents(ts.rt.db, 1, { channel: 'telegram', botId: 'tgbot', communeId: COMMUNE, consent: true, prefix: 'aq-ln-', lastSeenAt: seen(3 * DAY) });
    await linkChat(linkedNewer!, 'telegram', 'tgbot', 'aq-ln-2', DAY);
    // Only a chat on a bot this deployment does not run: channel-off. Only a blocked chat: unreachable.
    const [offBot] = await seedResidents(ts.rt.db, 1, { channel: 'telegram', botId: 'gone', communeId: COMMUNE, consent: true, prefix: 'aq-off-' });
    const [blocked] = await seedResidents(ts.rt.db, 1, { channel: 'telegram', botId: 'tgbot', communeId: COMMUNE, consent: true, prefix: 'aq-bl-' });
    await ts.rt.db.execute(sql`update contacts set unreachable_at = now() where id = ${blocked!}`);
    const [oaOnlyStale] = await seedResidents(ts.rt.db, 1, { channel: 'zalo-oa', botId: 'oa1', communeId: COMMUNE, consent: true, prefix: 'aq-oas-', lastSeenAt: seen(8 * DAY) });
    const [noConsent] = await seedResidents(ts.rt.db, 1, { channel: 'telegram', botId: 'tgbot', communeId: COMMUNE, prefix: 'aq-nc-' });

    const o: AudienceOptions = { communeIds: [COMMUNE], audience: 'residents', now: clock.now(), dailyCap: 2, liveBots: new Set(['telegram:tgbot', 'zalo-oa:oa1']) };
    const got = new Map((await resolveAudience(ts.rt.db, o)).map((c) => [c.personId, c]));
    expect(got.get(tgOnly!)).toMatchObject({ chat: { channel: 'telegram', chatId: 'aq-tg-1' }, exclusion: null });
    expect(got.get(oaStale!)).toMatchObject({ chat: { channel: 'telegram', chatId: 'aq-oa-tg' }, exclusion: null });
    expect(got.get(linkedNewer!)).toMatchObject({ chat: { chatId: 'aq-ln-2' }, exclusion: null });
    expect(got.get(offBot!)).toMatchObject({ chat: null, exclusion: 'channel-off' });
    expect(got.get(blocked!)).toMatchObject({ chat: null, exclusion: 'unreachable' });
    expect(got.get(oaOnlyStale!)).toMatchObject({ chat: null, exclusion: 'outside-zalo-window' });
    expect(got.get(noConsent!)).toMatchObject({ chat: null, exclusion: 'no-consent' });
    // With an approved template, the stale Zalo chat is reached through it.
    const withTemplate = new Map((await resolveAudience(ts.rt.db, { ...o, templateChannels: new Set(['zalo-oa']) })).map((c) => [c.personId, c]));
    expect(withTemplate.get(oaOnlyStale!)).toMatchObject({ chat: { channel: 'zalo-oa', chatId: 'aq-oas-1' }, exclusion: null, via: 'template' });
    expect(withTemplate.get(oaStale!)?.via).toBeUndefined();

    // The preview counts and the run's ledger rows are the same resolution.
    const created = await ts.rt.broadcasts.create(operator, 'cli', { text: 'Xin chào bà con', communes: [COMMUNE], audience: 'residents' });
    expect(created.preview.people).toBe(got.size);
    expect(created.preview.recipients).toBe([...got.values()].filter((c) => c.chat).length);
    expect(created.preview.exclusions).toEqual({ 'channel-off': 1, unreachable: 1, 'outside-zalo-window': 1, 'no-consent': 1 });
    await ts.rt.broadcasts.tick();
    const rows = rowsOf(
      await ts.rt.db.execute(sql`select x.person_id, x.chat_id, x.status, x.reason from broadcast_recipients x join broadcast_runs r on r.id = x.run_id where r.broadcast_id = ${created.id}`),
    );
    expect(rows).toHaveLength(got.size);
    for (const r of rows) {
      const c = got.get(Number(r.person_id))!;
      expect({ chat: r.chat_id, excluded: r.status === 'excluded', reason: r.status === 'excluded' ? r.reason : null }).toEqual({ chat: c.chat?.chatId ?? null, excluded: c.chat === null, reason: c.exclusion });
    }
  });
});
