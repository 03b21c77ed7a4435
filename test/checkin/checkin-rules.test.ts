import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CheckInService } from '../../src/checkin/checkin-service.js';
import { runVisitMaintenance } from '../../src/checkin/maintenance.js';
import type { CodeInfo, VenueInfo } from '../../src/checkin/types.js';
import { VenueRepo } from '../../src/db/repos/venue-repo.js';
import { VisitRepo } from '../../src/db/repos/visit-repo.js';
import { visitFlags, visits } from '../../src/db/schema/visits.js';
import { startTestService, type TestService } from '../harness/service.js';

let ts: TestService;
let venues: VenueRepo;
let store: VisitRepo;
let service: CheckInService;
let person = 0;
const districts: Record<string, string> = { 'pho-minh': 'duc-pho', 'pho-van': 'duc-pho', 'binh-chau': 'binh-son' };

async function venue(name: string, communeId = 'pho-minh', typeId = 'shop'): Promise<{ venue: VenueInfo; code: CodeInfo }> {
  const n = Math.random().toString(36).slice(2, 9).toUpperCase();
  const { venue: v, code } = await venues.create({ name, typeId, communeId, address: '1 Nguyễn Nghiêm', phone: '0905123456' }, { id: `code${n}`, manualCode: n });
  return { venue: v, code };
}
async function contact(): Promise<number> {
  person += 1;
  const c = await ts.rt.repos.contacts.upsertFromEvent({ channel: 'web', botId: 'simulator', chatId: `p${person}`, userId: `p${person}`, at: new Date(), body: { type: 'text', text: 'x' } });
  return c.id;
}
const at = (iso: string) => new Date(iso);
const req = (contactId: number, v: { venue: VenueInfo; code: CodeInfo }, now: Date, key: string) => ({ contactId, dependentIds: [], selfToo: true, venue: v.venue, code: v.code, method: 'code' as const, now, dedupeKey: key });

beforeAll(async () => {
  ts = await startTestService({ workers: false });
  venues = new VenueRepo(ts.rt.db);
  store = new VisitRepo(ts.rt.db);
  service = new CheckInService(store, (c) => districts[c]);
});
afterAll(async () => ts?.stop());

describe('check-in rules', () => {
  it('records a visit, and a rescan within 10 minutes is a repeat that changes nothing', async () => {
    const me = await contact();
    const shop = await venue('Tạp hóa Cô Ba');
    const first = await service.checkIn(req(me, shop, at('2026-11-24T01:00:00Z'), 'a1'));
    expect(first).toMatchObject({ kind: 'checked-in', closedElsewhere: null, flagged: false });
    const again = await service.checkIn(req(me, shop, at('2026-11-24T01:09:00Z'), 'a2'));
    expect(again).toEqual({ kind: 'repeat', since: at('2026-11-24T01:00:00Z') });
    expect(await store.openVisits(me)).toHaveLength(1);
  });

  it('scanning the venue you are in after 10 minutes checks you out', async () => {
    const me = await contact();
    const shop = await venue('Nhà sách Phổ Minh');
    await service.checkIn(req(me, shop, at('2026-11-24T01:00:00Z'), 'b1'));
    const out = await service.checkIn(req(me, shop, at('2026-11-24T01:40:00Z'), 'b2'));
    expect(out).toMatchObject({ kind: 'checked-out', venueName: 'Nhà sách Phổ Minh' });
    expect(await store.openVisits(me)).toHaveLength(0);
  });

  it('checking in elsewhere ends the open visit', async () => {
    const me = await contact();
    const a = await venue('Chợ Phổ Văn', 'pho-van', 'market');
    const b = await venue('Bưu điện Phổ Minh', 'pho-minh', 'office');
    await service.checkIn(req(me, a, at('2026-11-24T02:00:00Z'), 'c1'));
    const r = await service.checkIn(req(me, b, at('2026-11-24T02:30:00Z'), 'c2'));
    expect(r).toMatchObject({ kind: 'checked-in', closedElsewhere: 'Chợ Phổ Văn' });
    const open = await store.openVisits(me);
    expect(open.map((v) => v.venueName)).toEqual(['Bưu điện Phổ Minh']);
  });

  it('a retried job (same dedupe key) creates no second visit', async () => {
    const me = await contact();
    const shop = await venue('Quán cơm Hạnh');
    const r1 = await service.checkIn(req(me, shop, at('2026-11-24T03:00:00Z'), 'same'));
    const rows = await ts.rt.db.select().from(visits).where(eq(visits.contactId, me));
    expect(rows).toHaveLength(1);
    expect(r1.kind).toBe('checked-in');
  });

  it('checks in dependents as separate visits', async () => {
    const me = await contact();
    const grandma = await store.addDependent(me, { name: 'Nguyễn Thị Bảy', birthYear: 1948, relation: 'bà nội' });
    const kid = await store.addDependent(me, { name: 'Bé Na', birthYear: 2019, relation: 'con' });
    const clinic = await venue('Trạm y tế Phổ Minh', 'pho-minh', 'health');
    await service.checkIn(req(me, clinic, at('2026-11-24T04:00:00Z'), 'd1'));
    const r = await service.checkIn({ ...req(me, clinic, at('2026-11-24T04:01:00Z'), 'd2'), selfToo: false, dependentIds: [grandma.id, kid.id] });
    expect(r).toMatchObject({ kind: 'checked-in' });
    expect(r.kind === 'checked-in' && r.visitIds).toHaveLength(2);
    const mine = await store.recentVisits(me, at('2026-11-23T00:00:00Z'));
    expect(mine.map((v) => v.dependentName).sort()).toEqual(['Bé Na', 'Nguyễn Thị Bảy', null].sort());
  });

  it('refuses revoked codes and suspended venues', async () => {
    const me = await contact();
    const shop = await venue('Cửa hàng điện thoại');
    expect(await service.checkIn({ ...req(me, shop, at('2026-11-24T05:00:00Z'), 'e1'), code: { ...shop.code, status: 'revoked' } })).toEqual({ kind: 'revoked' });
    expect(await service.checkIn({ ...req(me, shop, at('2026-11-24T05:00:00Z'), 'e2'), venue: { ...shop.venue, status: 'suspended' } })).toEqual({ kind: 'suspended' });
  });

  it('flags a check-in in another district minutes after the previous one, for officials', async () => {
    const me = await contact();
    const near = await venue('Siêu thị Đức Phổ', 'pho-minh', 'supermarket');
    const far = await venue('Bến xe Châu Ổ', 'binh-chau', 'bus-station');
    await service.checkIn(req(me, near, at('2026-11-24T06:00:00Z'), 'f1'));
    const r = await service.checkIn(req(me, far, at('2026-11-24T06:05:00Z'), 'f2'));
    expect(r).toMatchObject({ kind: 'checked-in', flagged: true });
    const flags = await ts.rt.db.select().from(visitFlags).where(eq(visitFlags.contactId, me));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.communeId).toBe('binh-chau');
  });

  it('caps check-ins per person per day', async () => {
    const me = await contact();
    const capped = new CheckInService(store, () => undefined, { repeatWindowMs: 600_000, dailyCap: 3, burstVenues: 99, burstWindowMs: 1, farWindowMs: 1 });
    const places = await Promise.all([1, 2, 3, 4].map((i) => venue(`Quầy ${i}`)));
    const results = [];
    for (const [i, p] of places.entries()) results.push((await capped.checkIn(req(me, p, new Date(Date.parse('2026-11-24T07:00:00Z') + i * 3_600_000), `g${i}`))).kind);
    expect(results).toEqual(['checked-in', 'checked-in', 'checked-in', 'capped']);
  });

  it('maintenance checks out after the usual stay (at check-in + stay) and purges old visits', async () => {
    const me = await contact();
    const shop = await venue('Tiệm vàng Kim Long', 'pho-minh', 'shop');
    await service.checkIn(req(me, shop, at('2026-11-20T01:00:00Z'), 'h1'));
    const old = await contact();
    await service.checkIn(req(old, shop, at('2026-10-01T01:00:00Z'), 'h2'));
    const result = await runVisitMaintenance(store, at('2026-11-20T03:00:00Z'), { retentionDays: 21, stayMinutes: { shop: 60 }, fallbackStayMinutes: 120 });
    expect(result.purged).toBeGreaterThanOrEqual(1);
    const [row] = await ts.rt.db.select().from(visits).where(eq(visits.contactId, me));
    expect(row!.checkoutReason).toBe('auto');
    expect(row!.checkedOutAt).toEqual(at('2026-11-20T02:00:00Z'));
    expect(await ts.rt.db.select().from(visits).where(eq(visits.contactId, old))).toHaveLength(0);
  });
});
