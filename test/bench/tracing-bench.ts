/**
 * npm run bench:tracing [-- --visits 10000000]
 *
 * Issue 12's performance bar, in real Postgres: generates visits server-side (generate_series, no
 * row-by-row inserts) in a database the benchmark creates and drops itself — 2,000 venues over 21
 * days, a few busy markets taking most of the traffic and many quiet offices and shops, 30 % of
 * visits without check-out, some family members — then times the match of place-and-time events
 * and of 14-day person events (targets: p95 < 200 ms each) and the fan-out of 10,000 alerts into
 * the outbox (target < 10 s; messages are only queued, no worker runs). Ends with one JSON line.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { loadConfig } from '../../src/config/schema.js';
import { createRuntime } from '../../src/runtime.js';
import { sendAlerts, approveEvent } from '../../src/tracing/send-alerts.js';
import { inTransaction } from '../../src/tracing/deps.js';
import { VENUE_TYPES } from '../../src/venues/venue-types.js';
import { ADMIN_URL } from '../harness/database.js';

const { values } = parseArgs({ options: { visits: { type: 'string', default: '10000000' }, rounds: { type: 'string', default: '40' }, keep: { type: 'boolean', default: false } } });
const VISITS = Number(values.visits);
const ROUNDS = Number(values.rounds);
const DAYS = 21;
const VENUES = 2000;
const PEOPLE = Math.max(20_000, Math.round(VISITS / 25));
const TOKEN = '123456789:BENCH-token_abcdefghijklmnopqrstuvwxyz';
const BOT_ID = '123456789';

/** 07:00 in Vietnam is 00:00 UTC: a UTC midnight is a Vietnamese morning. */
const utcMidnight = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const log = (msg: string) => process.stderr.write(`[bench:tracing ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

/**
 * Venue mix: low ids get most traffic (venue = 1 + floor(2000 · r²)), so the first ids are the
 * busy markets and supermarkets; the long tail are offices, schools and shops with a few visits a day.
 */
function venueTypeSql(): string {
  return `case when g <= 40 then 'market' when g <= 100 then 'supermarket' when g <= 160 then 'bus-station' when g <= 200 then 'vehicle'
    when g <= 900 then 'shop' when g <= 1100 then 'school' when g <= 1500 then 'office' when g <= 1700 then 'health-facility' else 'business' end`;
}

async function generate(sql: postgres.Sql, end: Date): Promise<void> {
  const stay = `case ve_type ${VENUE_TYPES.map((t) => `when '${t.id}' then ${t.stayMinutes}`).join(' ')} else 120 end`;
  await sql.unsafe(`set session_replication_role = replica`); // no per-row FK triggers during the bulk load (superuser, bench only)
  // Session-only settings for the load: commit without waiting for the WAL flush, build indexes with more memory.
  await sql.unsafe(`set synchronous_commit = off`);
  await sql.unsafe(`set maintenance_work_mem = '512MB'`);
  await sql.unsafe(`insert into contacts (id, channel, bot_id, chat_id, user_id, last_seen_at) select g, 'telegram', '${BOT_ID}', (100000000 + g)::text, g::text, now() from generate_series(1, ${PEOPLE}) g`);
  await sql.unsafe(`select setval('contacts_id_seq', ${PEOPLE})`);
  await sql.unsafe(`insert into dependents (id, contact_id, name, birth_year, relation) select g, g, 'Con ' || g, 2015, 'con' from generate_series(1, ${Math.round(PEOPLE / 20)}) g`);
  await sql.unsafe(`select setval('dependents_id_seq', ${Math.round(PEOPLE / 20)})`);
  await sql.unsafe(`insert into venues (id, name, type_id, commune_id, address, phone, owner_contact_id) select g, 'Địa điểm ' || g, ${venueTypeSql()}, 'duc-pho/pho-minh', 'x', '0905000000', g from generate_series(1, ${VENUES}) g`);
  await sql.unsafe(`select setval('venues_id_seq', ${VENUES})`);
  await sql.unsafe(`insert into venue_codes (id, venue_id, manual_code) select 'b' || g, g, 'B' || g from generate_series(1, ${VENUES}) g`);
  const indexes = await sql.unsafe<{ indexname: string; indexdef: string }[]>(`select indexname, indexdef from pg_indexes where tablename = 'visits' and indexname <> 'visits_pkey'`);
  for (const i of indexes) await sql.unsafe(`drop index ${i.indexname}`);
  const start = utcMidnight(new Date(end.getTime() - DAYS * 24 * 3600_000)).toISOString();
  const chunk = 1_000_000;
  for (let from = 1; from <= VISITS; from += chunk) {
    const to = Math.min(VISITS, from + chunk - 1);
    // Check-ins between 05:00 and 20:00 Vietnam time (22:00-13:00 UTC), more in the morning.
    await sql.unsafe(`
      insert into visits (contact_id, dependent_id, venue_id, code_id, commune_id, method, checked_in_at, checked_out_at, checkout_reason, dedupe_key)
      select contact_id, case when contact_id <= ${Math.round(PEOPLE / 20)} and random() < 0.3 then contact_id end, venue_id, 'b' || venue_id, 'duc-pho/pho-minh', 'code', t,
        case when random() < 0.3 then null else t + make_interval(mins => (5 + random() * (${stay} - 5))::int) end, null, 'b' || g
      from (
        select g, 1 + floor(random() * ${PEOPLE})::int as contact_id, v.venue_id, v.ve_type,
          '${start}'::timestamptz + make_interval(days => floor(random() * ${DAYS})::int) - interval '2 hours' + make_interval(secs => (power(random(), 1.4) * 15 * 3600)::int) as t
        from generate_series(${from}, ${to}) g
        cross join lateral (select 1 + floor(${VENUES} * power(random(), 2))::int + (g * 0) as venue_id) vv
        cross join lateral (select vv.venue_id, (${venueTypeSql().replace(/\bg\b/g, 'vv.venue_id')}) as ve_type) v
      ) s`);
    log(`visits ${to.toLocaleString('en')} / ${VISITS.toLocaleString('en')}`);
  }
  await sql.unsafe(`set session_replication_role = origin`);
  for (const i of indexes) {
    await sql.unsafe(i.indexdef);
    log(`index ${i.indexname}`);
  }
  await sql.unsafe(`vacuum analyze visits`);
  await sql.unsafe(`analyze`);
}

async function main(): Promise<void> {
  const name = `quetma_bench_tracing_${randomBytes(4).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = `postgres://postgres@127.0.0.1:5432/${name}`;
  const prefix = `bench-tracing-${randomBytes(3).toString('hex')}`;
  const end = new Date();
  const rt = await createRuntime(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, QUEUE_PREFIX: prefix, SIMULATOR_ENABLED: 'false', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: 'bench-secret', TELEGRAM_API_ROOT: 'http://127.0.0.1:9' }));
  const load = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const t0 = performance.now();
    log(`generating ${VISITS.toLocaleString('en')} visits, ${PEOPLE.toLocaleString('en')} people, ${VENUES} venues, ${DAYS} days in ${name}`);
    await generate(load, end);
    log(`generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const tr = rt.tracing;
    const operator = { official: null, via: 'cli' as const };

    // Place-and-time events: a venue drawn with the same traffic weighting (busy markets dominate), a 3-hour morning window.
    const place: number[] = [];
    const placePeople: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const venueId = 1 + Math.floor(VENUES * Math.random() ** 2);
      const day = 1 + Math.floor(Math.random() * (DAYS - 2));
      const from = utcMidnight(new Date(end.getTime() - (DAYS - day) * 24 * 3600_000)); // 07:00-10:00 Vietnam time
      const eventId = await inTransaction(rt.db, async (tx) => {
        const id = await tr.repo.events.createEvent(tx, { kind: 'place', communeId: 'duc-pho/pho-minh', openedBy: null, tailMinutes: 30, createdAt: end });
        await tr.repo.events.addWindows(tx, id, [{ venueId, startsAt: from, endsAt: new Date(from.getTime() + 3 * 3600_000) }]);
        return id;
      });
      const t = performance.now();
      placePeople.push((await tr.repo.matching.match(eventId)).length);
      place.push(performance.now() - t);
    }
    log(`place: p50 ${pct(place, 50).toFixed(1)} ms, p95 ${pct(place, 95).toFixed(1)} ms, median ${pct(placePeople, 50)} people`);

    // Person events: a random person's visits of the last 14 days become the windows.
    const person: number[] = [];
    const personWindows: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const contactId = 1 + Math.floor(Math.random() * PEOPLE);
      const { eventId, windows } = await inTransaction(rt.db, async (tx) => {
        const id = await tr.repo.events.createEvent(tx, { kind: 'person', communeId: 'duc-pho/pho-minh', openedBy: null, caseContactId: contactId, tailMinutes: 30, createdAt: end });
        return { eventId: id, windows: await tr.repo.events.addWindowsFromVisits(tx, id, contactId, null, new Date(end.getTime() - 14 * 24 * 3600_000)) };
      });
      personWindows.push(windows);
      const t = performance.now();
      await tr.repo.matching.match(eventId);
      person.push(performance.now() - t);
    }
    log(`person: p50 ${pct(person, 50).toFixed(1)} ms, p95 ${pct(person, 95).toFixed(1)} ms, median ${pct(personWindows, 50)} windows`);

    // Fan-out: 10,000 people at one venue in one window, sent (after an admin's approval) into the outbox.
    const fanVenue = VENUES + 1;
    const at = new Date(end.getTime() - 3 * 24 * 3600_000);
    await load.unsafe(`insert into venues (id, name, type_id, commune_id, address, phone) values (${fanVenue}, 'Sân vận động', 'amusement-area', 'duc-pho/pho-minh', 'x', '0905000000')`);
    await load.unsafe(`insert into venue_codes (id, venue_id, manual_code) values ('bfan', ${fanVenue}, 'BFAN')`);
    await load.unsafe(`insert into visits (contact_id, venue_id, code_id, commune_id, method, checked_in_at, checked_out_at, dedupe_key)
      select g, ${fanVenue}, 'bfan', 'duc-pho/pho-minh', 'code', '${at.toISOString()}'::timestamptz + make_interval(secs => g % 3600), '${at.toISOString()}'::timestamptz + interval '2 hours', 'fan' || g from generate_series(1, 10000) g`);
    await load.unsafe(`analyze visits`);
    const fanEvent = await inTransaction(rt.db, async (tx) => {
      const id = await tr.repo.events.createEvent(tx, { kind: 'place', communeId: 'duc-pho/pho-minh', openedBy: null, tailMinutes: 30, createdAt: end });
      await tr.repo.events.addWindows(tx, id, [{ venueId: fanVenue, startsAt: new Date(at.getTime() + 30 * 60_000), endsAt: new Date(at.getTime() + 90 * 60_000) }]);
      return id;
    });
    await approveEvent(tr, operator, fanEvent);
    const tf = performance.now();
    let lap = tf;
    const phases: string[] = [];
    const sent = await sendAlerts(tr, operator, fanEvent, (name) => {
      phases.push(`${name} ${((performance.now() - lap) / 1000).toFixed(2)} s`);
      lap = performance.now();
    });
    const fanout = (performance.now() - tf) / 1000;
    log(`fan-out phases: ${phases.join(', ')}`);
    const [ledger] = await load.unsafe<{ n: number }[]>(`select count(*)::int as n from outbound_messages`);
    log(`fan-out: ${sent.alerted} alerts (+${sent.unreachable} unreachable) in ${fanout.toFixed(2)} s; ${ledger!.n} ledger rows`);
    if (sent.alerted + sent.unreachable < 10_000) throw new Error(`fan-out matched ${sent.alerted + sent.unreachable} people, expected at least 10,000`);

    const [count] = await load.unsafe<{ n: number }[]>(`select count(*)::int as n from visits`);
    process.stdout.write(`${JSON.stringify({ visits: count!.n, place_p95_ms: Number(pct(place, 95).toFixed(1)), person_p95_ms: Number(pct(person, 95).toFixed(1)), fanout_10k_s: Number(fanout.toFixed(2)) })}\n`);
  } finally {
    await load.end();
    for await (const keys of rt.redis.scanStream({ match: `${rt.config.QUEUE_PREFIX}*`, count: 500 }) as AsyncIterable<string[]>) if (keys.length) await rt.redis.del(...keys);
    await rt.close();
    if (!values.keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
    else log(`kept database ${name}`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
