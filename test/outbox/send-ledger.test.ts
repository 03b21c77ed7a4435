import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { outboundMessages } from '../../src/db/schema/outbound.js';
import { BatchedSendLedger, whileBusy } from '../../src/outbox/send-ledger.js';
import { createTestDatabase } from '../harness/database.js';

describe('whileBusy batching', () => {
  it('runs up to maxInFlight flushes at once; callers arriving meanwhile share the next batch and each gets its own result', async () => {
    const gates: (() => void)[] = [];
    const batches: number[][] = [];
    let running = 0;
    let most = 0;
    const twice = whileBusy(
      async (items: number[]) => {
        batches.push(items);
        most = Math.max(most, ++running);
        await new Promise<void>((resolve) => gates.push(resolve));
        running--;
        return items.map((i) => i * 2);
      },
      200,
      2,
    );
    const results = [1, 2, 3, 4, 5].map((i) => twice(i));
    await new Promise((r) => setImmediate(r));
    // Two flushes went at once (one item each); the other three wait together.
    expect(batches).toEqual([[1], [2]]);
    gates.shift()!();
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1], [2], [3, 4, 5]]);
    while (gates.length) gates.shift()!();
    expect(await Promise.all(results)).toEqual([2, 4, 6, 8, 10]);
    expect(most).toBe(2);
  });

  it('with one in flight, a slow flush holds everyone who comes meanwhile', async () => {
    let release!: () => void;
    const batches: number[][] = [];
    const one = whileBusy(async (items: number[]) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
      return items;
    });
    const results = [1, 2, 3].map((i) => one(i));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all(results)).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1], [2, 3]]);
  });
});

describe('BatchedSendLedger claims running side by side (real Postgres)', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const t = await createTestDatabase();
    drop = t.drop;
    database = await openDatabase({ databaseUrl: t.url, dataDir: '' });
    await database.migrate();
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  const add = async (chatId: string, n: number, priority = 'bulk') =>
    (await database.db.insert(outboundMessages).values(Array.from({ length: n }, (_, i) => ({ channel: 'telegram', botId: '1', chatId, part: { type: 'text', text: `m${i}` }, priority }))).returning()).map((r) => r);

  it("never claims a chat's later message while an earlier one is unsent, and one row at most once, however many claims run at once", async () => {
    const ledger = new BatchedSendLedger(database.db, 'w1', 30_000);
    const rows = [...(await add('c1', 3)), ...(await add('c2', 1)), ...(await add('c3', 1))];
    // Every row claimed by several callers at the same moment: each claim statement runs beside others.
    const attempts = rows.flatMap((r) => [r, r, r]);
    const got = await Promise.all(attempts.map((r) => ledger.claim(r)));
    const wonBy = new Map<number, number>();
    attempts.forEach((r, i) => got[i] && wonBy.set(r.id, (wonBy.get(r.id) ?? 0) + 1));
    const [c1a, c1b, c1c, c2, c3] = rows;
    expect([...wonBy.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [c1a!.id, 1],
      [c2!.id, 1],
      [c3!.id, 1],
    ]);
    const states = await database.db.select().from(outboundMessages).where(inArray(outboundMessages.id, [c1b!.id, c1c!.id]));
    expect(states.map((s) => s.status)).toEqual(['pending', 'pending']);
    // Once the first is sent, the second of the chat can be claimed (and only the second).
    await ledger.finish({ id: c1a!.id, status: 'sent' });
    // The two claims of c1b may run as two statements at once: whichever takes the row lock first wins.
    const [third, ...second] = await Promise.all([ledger.claim(c1c!), ledger.claim(c1b!), ledger.claim(c1b!)]);
    expect(third).toBe(false);
    expect(second.filter(Boolean)).toHaveLength(1);
  });
});
