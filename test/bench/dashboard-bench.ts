/**
 * `npm run bench:dashboard`: the overview page and the venue list with 1 million visits and 5,000
 * venues across 37 communes, generated server-side (generate_series) in a database this benchmark
 * creates and drops. Requests go through the whole HTTP app (session cookie, scope, rendering) by
 * inject. The overview's first answer (cold, counting every visit) goes to stderr; the measured
 * rounds read check-in figures at most a minute old, as officials do. Ends with one JSON line {"visits","overview_p95_ms","venues_p95_ms"}.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/schema.js';
import { issueLoginLink, redeemLoginLink } from '../../src/dashboard/auth.js';
import { createRuntime } from '../../src/runtime.js';
import { createTestDatabase } from '../harness/database.js';

/** postgres.js returns the rows, PGlite `{ rows }`. */
const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];

const VISITS = Number(process.argv.find((a) => a.startsWith('--visits='))?.slice(9) ?? 1_000_000);
const VENUES = 5000;
const COMMUNES = 37;
const ROUNDS = 60;
/** --keep: leave the database for EXPLAIN (its name goes to stderr); drop it by hand afterwards. */
const KEEP = process.argv.includes('--keep');

/** --reuse=<database>: measure again on a database a --keep run left (no seeding, kept afterwards). */
const REUSE = process.argv.find((a) => a.startsWith('--reuse='))?.slice(8);

const db0 = REUSE ? { name: REUSE, url: `postgres://postgres@127.0.0.1:5432/${REUSE}`, drop: async () => {} } : await createTestDatabase();
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: db0.url, QUEUE_PREFIX: `qb${randomBytes(4).toString('hex')}`, PORT: '0', RATE_LIMITS: 'false' });
const rt = await createRuntime(config, { log: pino({ level: 'silent' }) });
try {
  const communes = rt.venues.domain.communes.filter((c) => !c.mergedInto).map((c) => c.id);
  const ids = Array.from({ length: COMMUNES }, (_, i) => communes[i % communes.length]!);
  const t0 = Date.now();
  if (!REUSE) {
    const arr = `{${ids.map((c) => `"${c}"`).join(',')}}`;
    await rt.db.execute(sql`insert into contacts (channel, bot_id, chat_id, user_id) select 'web', 'simulator', 'b' || g, 'b' || g from generate_series(1, 50000) g`);
    await rt.db.execute(sql`insert into venues (name, type_id, commune_id, address, phone, status)
      select 'Địa điểm ' || g, ${rt.venues.domain.types[0]!.id}, (${arr}::text[])[1 + g % ${COMMUNES}], 'Thôn ' || g, '09' || lpad(g::text, 8, '0'), case when g % 50 = 0 then 'suspended' else 'active' end
      from generate_series(1, ${VENUES}) g`);
    await rt.db.execute(sql`insert into venue_codes (id, venue_id, manual_code) select 'c' || id, id, 'M' || id from venues`);
    await rt.db.execute(sql`insert into visits (contact_id, venue_id, code_id, commune_id, method, checked_in_at, dedupe_key)
      select c.min + (g::bigint * 7919) % 50000, v.id, 'c' || v.id, v.commune_id, 'code', now() - ((g % 1814400) || ' seconds')::interval, 'd' || g
      from generate_series(1, ${VISITS}) g
      cross join lateral (select min(id) as min from contacts) c
      join venues v on v.id = (select min(id) from venues) + (g::bigint * 31) % ${Math.floor(VENUES * 0.8)}`);
    // A live database is vacuumed by autovacuum; a freshly bulk-loaded one is not yet (no visibility
    // map, so no index-only scans). Measure the steady state.
    await rt.db.execute(sql`vacuum analyze`);
    // Nor is it writing out 400 MB just loaded while officials look: flush before measuring.
    await rt.db.execute(sql`checkpoint`);
  }
  const seeded = Date.now() - t0;

  const { code } = await rt.officials.invite({ role: 'admin', communeIds: [], by: null, via: 'cli', now: new Date() });
  const [me] = await rt.db.execute(sql`select id from contacts order by id limit 1`).then((r) => (Array.isArray(r) ? r : (r as { rows: { id: number }[] }).rows) as { id: number }[]);
  const joined = await rt.officials.redeem(code, { contactId: Number(me!.id), channel: 'web', chatId: 'b1', displayName: 'Bench' }, new Date());
  if (joined.kind !== 'joined') throw new Error('invite not redeemed');
  const link = await issueLoginLink(rt.dashboard.auth, joined.official, 'cli');
  if (!link.ok) throw new Error('no link');
  const s = await redeemLoginLink(rt.dashboard.auth, link.url.split('/').at(-1)!, { ip: '127.0.0.1' });
  if (!s.ok) throw new Error('no session');
  const app = await buildApp(rt);
  const cookie = `qm_dash=${s.sessionId}`;

  const measure = async (url: string) => {
    const times: number[] = [];
    const q0 = await rt.db.execute(sql`select 1`); // keep the pool warm
    void q0;
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return Math.round(times[Math.ceil(times.length * 0.95) - 1]! * 10) / 10;
  };
  // The first overview counts the visits while the official waits (nobody looked for 15 minutes);
  // later ones read figures at most a minute old (FiguresCache) while a refresh runs behind them.
  const c0 = performance.now();
  const first = await app.inject({ method: 'GET', url: '/quanly', headers: { cookie } });
  if (first.statusCode !== 200) throw new Error(`/quanly answered ${first.statusCode}`);
  const cold = Math.round(performance.now() - c0);
  const overview = await measure('/quanly');
  const venues = await measure('/quanly/diadiem');
  const inspection = await measure('/quanly/diadiem?khaibao=no');
  const search = await measure(`/quanly/diadiem?q=${encodeURIComponent('dia diem 12')}`);
  const [{ n: visits }] = rowsOf(await rt.db.execute(sql`select count(*)::int as n from visits`)) as [{ n: number }];
  console.error(`${REUSE ? `reused ${REUSE}` : `seeded ${visits} visits in ${seeded} ms`}; first (cold) overview ${cold} ms; inspection list p95 ${inspection} ms; folded search p95 ${search} ms`);
  await app.close();
  console.log(JSON.stringify({ visits, overview_p95_ms: overview, venues_p95_ms: venues }));
} finally {
  await rt.close();
  if (KEEP || REUSE) console.error(`kept database ${db0.name}`);
  else await db0.drop();
}
