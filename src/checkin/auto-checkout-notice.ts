import type { Db } from '../db/client.js';
import type { Outbox, OutboxMessage } from '../outbox/types.js';
import { isQuiet } from '../domain/quiet-hours.js';
import type { AutoCheckoutNotifier, AutoClosedVisit } from './maintenance.js';
import { checkinTexts as t } from './texts.js';

/** A check-out older than this is not announced (the service was down): the news would only confuse. */
export const NOTICE_MAX_AGE_MS = 2 * 3600_000;

/**
 * One message per person and venue when visits end automatically ("you and 2 family members were
 * checked out of the market at 10:30; scan again if you are still there"), written through the
 * outbox to the person's reachable chat used last. Nothing is sent in the quiet hours
 * (21:00-07:00): a message at night about a visit that ended is noise, not help.
 */
export function autoCheckoutNotifier(outbox: Outbox): AutoCheckoutNotifier {
  return async (tx, closed, now) => {
    if (isQuiet(now)) return async () => undefined;
    const groups = new Map<string, AutoClosedVisit[]>();
    for (const v of closed) {
      if (now.getTime() - v.checkedOutAt.getTime() > NOTICE_MAX_AGE_MS) continue;
      const key = `${v.contactId}/${v.venueId}`;
      groups.set(key, [...(groups.get(key) ?? []), v]);
    }
    const messages: OutboxMessage[] = [...groups.values()].map((visits) => {
      const first = visits[0]!;
      const self = visits.some((v) => v.dependentId === null);
      const text = t.autoOut(first.venueName, first.checkedOutAt, self, visits.filter((v) => v.dependentId !== null).length);
      return {
        to: { contactId: first.contactId },
        priority: 'reminder',
        parts: [{ type: 'text', text }],
        dedupe: { kind: 'auto-checkout', key: visits.map((v) => v.visitId).sort((a, b) => a - b).join(',') },
      };
    });
    const receipt = await outbox.add(tx as Db, messages);
    return () => outbox.afterCommit(receipt);
  };
}
