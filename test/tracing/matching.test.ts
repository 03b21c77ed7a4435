import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlaceEvent } from '../../src/tracing/open-place-event.js';
import { createShareCode, openPersonEvent } from '../../src/tracing/share-history.js';
import { previewEvent } from '../../src/tracing/preview-event.js';
import { startTestService, type TestService } from '../harness/service.js';
import { handClock, operator, tracingFixtures } from './tracing-fixtures.js';

let ts: TestService;
const clock = handClock('2026-11-30T12:00:00Z');
const f = tracingFixtures(() => ts.rt);

beforeAll(async () => {
  ts = await startTestService({ workers: false, clock });
});
afterAll(async () => ts?.stop());

/** Opens a place event on one window and returns who matched, as "contact:dependent" keys. */
async function matched(venue: { id: number }, from: string, to: string): Promise<string[]> {
  const { eventId } = await openPlaceEvent(ts.rt.tracing, operator, { venue: `#${venue.id}`, windows: [{ from: new Date(from), to: new Date(to) }] });
  return (await ts.rt.tracing.repo.matching.match(eventId)).map((p) => `${p.contactId}:${p.dependentId ?? '-'}`).sort();
}
const key = (c: number, d: number | null = null) => `${c}:${d ?? '-'}`;

// Window 07:00-10:00 Vietnam time on 30/11 = 00:00-03:00 UTC; the tail (30 min) runs to 03:30 UTC.
describe('matching visits against an exposure window', () => {
  it('counts overlaps but not visits that only touch the window or the end of the tail', async () => {
    const market = await f.venue('Chợ Phổ Minh');
    const endsAtStart = await f.person();
    await f.visit(endsAtStart, market, '2026-11-29T23:00:00Z', '2026-11-30T00:00:00Z');
    const oneMinuteIn = await f.person();
    await f.visit(oneMinuteIn, market, '2026-11-29T23:00:00Z', '2026-11-30T00:01:00Z');
    const inside = await f.person();
    await f.visit(inside, market, '2026-11-30T01:00:00Z', '2026-11-30T01:20:00Z');
    const inTail = await f.person();
    await f.visit(inTail, market, '2026-11-30T03:29:00Z', '2026-11-30T03:50:00Z');
    const afterTail = await f.person();
    await f.visit(afterTail, market, '2026-11-30T03:30:00Z', '2026-11-30T04:00:00Z');
    const otherVenue = await f.person();
    await f.visit(otherVenue, await f.venue('Tạp hóa Cô Ba', 'shop'), '2026-11-30T01:00:00Z', '2026-11-30T01:20:00Z');

    expect(await matched(market, '2026-11-30T00:00:00Z', '2026-11-30T03:00:00Z')).toEqual([key(oneMinuteIn), key(inside), key(inTail)].sort());
  });

  it('matches every code of the venue', async () => {
    const market = await f.venue('Chợ Bình Châu');
    const second = await ts.rt.venues.repo.addCode(market.id, { id: `tv2${market.id}`, manualCode: ts.rt.venues.domain.newManualCode(), label: 'Cổng sau' });
    const backGate = await f.person();
    await f.visit(backGate, { id: market.id, codeId: second.id }, '2026-11-30T01:00:00Z', '2026-11-30T01:10:00Z');
    expect(await matched(market, '2026-11-30T00:00:00Z', '2026-11-30T03:00:00Z')).toEqual([key(backGate)]);
  });

  it('gives a visit without check-out the venue type usual stay (market: 90 minutes)', async () => {
    const market = await f.venue('Chợ Sa Huỳnh');
    const endsExactlyAtStart = await f.person();
    await f.visit(endsExactlyAtStart, market, '2026-11-29T22:30:00Z', null);
    const stillThere = await f.person();
    await f.visit(stillThere, market, '2026-11-29T22:31:00Z', null);
    expect(await matched(market, '2026-11-30T00:00:00Z', '2026-11-30T03:00:00Z')).toEqual([key(stillThere)]);
  });

  it('handles windows and stays across midnight, and bounds a forgotten check-out to 12 hours', async () => {
    const office = await f.venue('UBND phường Phổ Minh', 'office');
    // Window 22:00 on 29/11 to 02:00 on 30/11, Vietnam time.
    const nightShift = await f.person();
    await f.visit(nightShift, office, '2026-11-29T18:00:00Z', '2026-11-29T20:00:00Z');
    const openFromEvening = await f.person();
    await f.visit(openFromEvening, office, '2026-11-29T10:00:00Z', null); // office stay 9 h: until 19:00 UTC = 02:00 VN
    const endedBefore = await f.person();
    await f.visit(endedBefore, office, '2026-11-29T05:00:00Z', '2026-11-29T14:00:00Z');
    const forgotten = await f.person();
    await f.visit(forgotten, office, '2026-11-29T02:00:00Z', '2026-11-30T02:00:00Z'); // 24 h "visit" counts until 14:00 UTC
    expect(await matched(office, '2026-11-29T15:00:00Z', '2026-11-29T19:00:00Z')).toEqual([key(nightShift), key(openFromEvening)].sort());
  });

  it('on a vehicle counts the same trip only: no tail after the case got off', async () => {
    const bus = await f.venue('Xe khách 76B-012.34', 'vehicle');
    const sameTrip = await f.person();
    await f.visit(sameTrip, bus, '2026-11-30T00:30:00Z', '2026-11-30T00:50:00Z');
    const boardedAfter = await f.person();
    await f.visit(boardedAfter, bus, '2026-11-30T01:10:00Z', '2026-11-30T02:00:00Z');
    const boardedAsCaseLeft = await f.person();
    await f.visit(boardedAsCaseLeft, bus, '2026-11-30T01:00:00Z', '2026-11-30T02:00:00Z');
    expect(await matched(bus, '2026-11-30T00:00:00Z', '2026-11-30T01:00:00Z')).toEqual([key(sameTrip)]);
  });

  it('counts family members checked in by a guardian as people of their own', async () => {
    const market = await f.venue('Chợ Đức Phổ');
    const mother = await f.person();
    const child = await f.dependent(mother, 'Nguyễn Văn Bé');
    await f.visit(mother, market, '2026-11-30T01:00:00Z', '2026-11-30T01:30:00Z');
    await f.visit(mother, market, '2026-11-30T01:00:00Z', '2026-11-30T01:30:00Z', child);
    await f.visit(mother, market, '2026-11-30T02:00:00Z', '2026-11-30T02:30:00Z'); // a second visit is still one person
    const { eventId } = await openPlaceEvent(ts.rt.tracing, operator, { venue: `#${market.id}`, windows: [{ from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-11-30T03:00:00Z') }] });
    const preview = await previewEvent(ts.rt.tracing, operator, eventId);
    expect(preview).toMatchObject({ people: 2, familyMembers: 1, byChannel: { web: 2 }, unreachable: 0 });
  });
});

describe('a person event from a share code', () => {
  it('matches others against the case visits of the last 14 days, never the case', async () => {
    clock.set('2026-11-30T12:00:00Z');
    const shop = await f.venue('Nhà sách Phổ Minh', 'bookshop');
    const market = await f.venue('Chợ Phổ Văn');
    const old = await f.venue('Siêu thị cũ', 'supermarket');
    const theCase = await f.person();
    const caseChild = await f.dependent(theCase, 'Trần Thị Hoa');
    await f.visit(theCase, shop, '2026-11-28T02:00:00Z', '2026-11-28T02:30:00Z');
    await f.visit(theCase, shop, '2026-11-28T02:00:00Z', '2026-11-28T02:30:00Z', caseChild);
    await f.visit(theCase, market, '2026-11-29T01:00:00Z', null);
    await f.visit(theCase, old, '2026-11-10T01:00:00Z', '2026-11-10T02:00:00Z'); // 20 days ago: outside 14 days
    const atShop = await f.person();
    await f.visit(atShop, shop, '2026-11-28T02:45:00Z', '2026-11-28T03:00:00Z'); // within the tail
    const atMarket = await f.person();
    await f.visit(atMarket, market, '2026-11-29T02:00:00Z', '2026-11-29T02:10:00Z'); // open case visit lasts 90 min
    const atOld = await f.person();
    await f.visit(atOld, old, '2026-11-10T01:30:00Z', '2026-11-10T01:40:00Z');

    const { code } = await createShareCode(ts.rt.tracing, theCase, null);
    const { eventId, windows } = await openPersonEvent(ts.rt.tracing, operator, { code, communeId: 'duc-pho/pho-minh' });
    expect(windows).toBe(2);
    const people = (await ts.rt.tracing.repo.matching.match(eventId)).map((p) => key(p.contactId, p.dependentId)).sort();
    expect(people).toEqual([key(theCase, caseChild), key(atShop), key(atMarket)].sort());
  });

  it('refuses a share code used twice or after 24 hours', async () => {
    clock.set('2026-11-30T12:00:00Z');
    const someone = await f.person();
    const first = await createShareCode(ts.rt.tracing, someone, null);
    await openPersonEvent(ts.rt.tracing, operator, { code: first.code.toLowerCase(), communeId: 'duc-pho/pho-minh' });
    await expect(openPersonEvent(ts.rt.tracing, operator, { code: first.code, communeId: 'duc-pho/pho-minh' })).rejects.toMatchObject({ code: 'share_code_used' });
    const second = await createShareCode(ts.rt.tracing, someone, null);
    clock.set('2026-12-01T12:00:01Z');
    await expect(openPersonEvent(ts.rt.tracing, operator, { code: second.code, communeId: 'duc-pho/pho-minh' })).rejects.toMatchObject({ code: 'share_code_expired' });
    await expect(openPersonEvent(ts.rt.tracing, operator, { code: 'TV-AAAA-BBBB', communeId: 'duc-pho/pho-minh' })).rejects.toMatchObject({ code: 'share_code_unknown' });
    clock.set('2026-11-30T12:00:00Z');
  });
});

describe('tracing retention', () => {
  it('deletes events (with their windows and alerts) past TRACING_RETENTION_DAYS, and expired share codes', async () => {
    clock.set('2026-11-30T12:00:00Z');
    const market = await f.venue('Chợ cũ');
    const { eventId } = await openPlaceEvent(ts.rt.tracing, operator, { venue: `#${market.id}`, windows: [{ from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-11-30T03:00:00Z') }] });
    const { purgeTracing } = await import('../../src/tracing/retention.js');
    await purgeTracing(ts.rt.tracing);
    expect(await ts.rt.tracing.repo.events.event(eventId)).toBeDefined();
    clock.set('2027-01-30T12:00:01Z'); // 61 days later (default retention 60)
    await purgeTracing(ts.rt.tracing);
    expect(await ts.rt.tracing.repo.events.event(eventId)).toBeUndefined();
    clock.set('2026-11-30T12:00:00Z');
  });
});
