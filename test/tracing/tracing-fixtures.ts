import { randomBytes } from 'node:crypto';
import { contacts } from '../../src/db/schema/contacts.js';
import { dependents, visits } from '../../src/db/schema/visits.js';
import type { Runtime } from '../../src/runtime.js';

/** Builders for tracing tests: venues, people, family members and visits written straight to Postgres. */
export function tracingFixtures(rt: () => Runtime) {
  let n = 0;
  return {
    async venue(name: string, typeId = 'market', communeId = 'duc-pho/pho-minh', ownerContactId: number | null = null) {
      const manual = rt().venues.domain.newManualCode();
      const { venue, code } = await rt().venues.repo.create({ name, typeId, communeId, address: '1 Nguyễn Nghiêm', phone: '0905123456', ownerContactId }, { id: `tv${randomBytes(6).toString('hex')}`, manualCode: manual });
      return { id: venue.id, codeId: code.id, manualCode: code.manualCode, name };
    },
    async person(opts: { channel?: string; botId?: string; lastSeenAt?: Date; unreachable?: boolean; name?: string } = {}) {
      n += 1;
      const [c] = await rt().db
        .insert(contacts)
        .values({
          channel: opts.channel ?? 'web', botId: opts.botId ?? 'simulator', chatId: `tr${n}-${randomBytes(3).toString('hex')}`, userId: `u${n}`, displayName: opts.name ?? `Người ${n}`,
          lastSeenAt: opts.lastSeenAt ?? new Date(), ...(opts.unreachable ? { unreachableAt: new Date(), unreachableReason: 'blocked' } : {}),
        })
        .returning();
      return c!.id;
    },
    async dependent(contactId: number, name: string) {
      const [d] = await rt().db.insert(dependents).values({ contactId, name, birthYear: 2015, relation: 'con' }).returning();
      return d!.id;
    },
    async visit(contactId: number, venue: { id: number; codeId: string }, from: string, to: string | null, dependentId: number | null = null) {
      const [v] = await rt().db
        .insert(visits)
        .values({ contactId, dependentId, venueId: venue.id, codeId: venue.codeId, communeId: 'duc-pho/pho-minh', method: 'code', checkedInAt: new Date(from), checkedOutAt: to ? new Date(to) : null, checkoutReason: to ? 'manual' : null, dedupeKey: randomBytes(8).toString('hex') })
        .returning();
      return v!.id;
    },
  };
}

/** A clock tests move by hand. */
export function handClock(iso: string) {
  let now = new Date(iso);
  return { now: () => now, set: (to: string) => (now = new Date(to)) };
}

export const operator = { official: null, via: 'cli' as const };
