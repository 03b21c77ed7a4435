import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatorChatId } from '../../bots/web/adapter.js';
import { runVisitMaintenance } from '../../src/checkin/maintenance.js';
import { VisitRepo } from '../../src/db/repos/visit-repo.js';
import { outboundMessages } from '../../src/db/schema/outbound.js';
import { dependents, visits } from '../../src/db/schema/visits.js';
import { visitMaintenanceOptions } from '../../src/service.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, textOf } from '../harness/sim-chat.js';

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true });
});
afterAll(async () => {
  await ts?.stop();
});

const at = (iso: string) => new Date(iso);

/** Checks a resident in through the simulator, then moves the visit to a chosen check-in time. */
async function checkedInAt(chat: SimChat, name: string, checkInIso: string): Promise<number> {
  const { domain, service } = ts.rt.venues;
  const shop = await service.register({ name, typeId: 'shop', communeId: domain.communes[0]!.id, address: 'Thôn 3', phone: '0912345678' });
  expect(textOf(await chat.send(shop.code.manualCode))).toContain(name);
  const [visit] = await ts.rt.db.select().from(visits).where(eq(visits.venueId, shop.venue.id));
  await ts.rt.db.update(visits).set({ checkedInAt: at(checkInIso) }).where(eq(visits.id, visit!.id));
  return visit!.id;
}

const ledgerFor = (chat: SimChat) => ts.rt.db.select().from(outboundMessages).where(eq(outboundMessages.chatId, simulatorChatId(chat.session, 'resident')));

describe('automatic check-out notice', () => {
  it('tells the resident once, naming the venue, the time and the family members checked out with them', async () => {
    const chat = new SimChat(ts, 'resident');
    const visitId = await checkedInAt(chat, 'Tạp hóa Bà Năm', '2026-11-20T02:00:00Z');
    const [self] = await ts.rt.db.select().from(visits).where(eq(visits.id, visitId));
    const [kid] = await ts.rt.db.insert(dependents).values({ contactId: self!.contactId, name: 'Bé Na', birthYear: 2015, relation: 'con' }).returning();
    await ts.rt.db.insert(visits).values({ ...self!, id: undefined, dependentId: kid!.id, dedupeKey: `${self!.dedupeKey}:kid` });

    const opts = visitMaintenanceOptions(ts.rt);
    const first = await runVisitMaintenance(new VisitRepo(ts.rt.db), at('2026-11-20T03:10:00Z'), opts);
    expect(first.autoCheckedOut).toBe(2);
    const said = textOf(await chat.replies());
    expect(said).toContain('tự động ghi bạn và 1 người thân ra khỏi Tạp hóa Bà Năm lúc 10:00');
    expect(said).toMatch(/quét lại mã/);

    const again = await runVisitMaintenance(new VisitRepo(ts.rt.db), at('2026-11-20T03:20:00Z'), opts);
    expect(again.autoCheckedOut).toBe(0);
    expect((await ledgerFor(chat)).filter((m) => JSON.stringify(m.part).includes('tự động'))).toHaveLength(1);
  });

  it('stays silent in the quiet hours and about check-outs long past, but still ends the visits', async () => {
    const night = new SimChat(ts, 'resident');
    const nightVisit = await checkedInAt(night, 'Quán nước Đêm', '2026-11-20T14:00:00Z'); // 21:00 in Vietnam
    const late = new SimChat(ts, 'resident');
    const lateVisit = await checkedInAt(late, 'Tiệm sửa xe Cũ', '2026-11-19T01:00:00Z'); // ended a day before the run
    const beforeNight = (await ledgerFor(night)).length;
    const beforeLate = (await ledgerFor(late)).length;

    // Daytime run: only the day-old visit is due (silent: long past); then the night run ends the other.
    await runVisitMaintenance(new VisitRepo(ts.rt.db), at('2026-11-20T03:30:00Z'), visitMaintenanceOptions(ts.rt));
    await runVisitMaintenance(new VisitRepo(ts.rt.db), at('2026-11-20T15:10:00Z'), visitMaintenanceOptions(ts.rt));
    for (const id of [nightVisit, lateVisit]) {
      const [v] = await ts.rt.db.select().from(visits).where(and(eq(visits.id, id), eq(visits.checkoutReason, 'auto')));
      expect(v, `visit ${id} ended`).toBeDefined();
    }
    expect(await ledgerFor(night)).toHaveLength(beforeNight);
    expect(await ledgerFor(late)).toHaveLength(beforeLate);
  });
});
