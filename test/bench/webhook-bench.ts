/**
 * npm run bench:webhook [-- --seconds 10 --connections 50]
 *
 * Loads POST /webhooks/telegram with valid, distinct updates (autocannon), and in the same run a
 * bare Fastify route that only answers 200, both served by a child process (so the load generator
 * does not share the server's event loop). Prints both throughputs, the ratio and p99 latency, then
 * checks that every accepted update is stored exactly once. Real Postgres + Redis; workers off, so
 * the figure is the intake path (authenticate, store, enqueue, answer).
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import postgres from 'postgres';
import { createTestDatabase } from '../harness/database.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN } from '../harness/service.js';

const { values } = parseArgs({ options: { serve: { type: 'string' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } } });

async function serve(databaseUrl: string): Promise<void> {
  const ts = await startTestService({
    databaseUrl,
    workers: false,
    listen: true,
    env: { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: 'http://127.0.0.1:9', SIMULATOR_ENABLED: 'false' },
  });
  const bare = Fastify();
  bare.post('/webhooks/telegram', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const barePort = (bare.server.address() as { port: number }).port;
  process.stdout.write(`${JSON.stringify({ service: ts.baseUrl, bare: `http://127.0.0.1:${barePort}` })}\n`);
  process.on('SIGTERM', () => void Promise.all([bare.close(), ts.service ? ts.service.stop() : ts.app.close().then(() => ts.rt.close())]).then(() => process.exit(0)));
}

function load(url: string, seconds: number, connections: number, firstId: number): Promise<autocannon.Result> {
  let id = firstId;
  return autocannon({
    url: `${url}/webhooks/telegram`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET },
    requests: [
      {
        setupRequest: (req) => {
          const n = id++;
          const chat = 100_000 + (n % 5000);
          req.body = JSON.stringify({ update_id: n, message: { message_id: n, from: { id: chat, is_bot: false, first_name: 'Bench' }, chat: { id: chat, type: 'private' }, date: 1_700_000_000, text: 'xin chào' } });
          return req;
        },
      },
    ],
  });
}

async function main(): Promise<void> {
  if (values.serve) return serve(values.serve);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const db = await createTestDatabase();
  const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--serve', db.url], { stdio: ['ignore', 'pipe', 'inherit'] });
  const urls = await new Promise<{ service: string; bare: string }>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()))));
  try {
    const bare = await load(urls.bare, seconds, connections, 1);
    const hook = await load(urls.service, seconds, connections, 1);
    const sql = postgres(db.url, { max: 1 });
    const [stored] = await sql`select count(*)::int as n, count(distinct key)::int as distinct_keys from inbound_updates`;
    await sql.end();
    const accepted = hook['2xx'];
    const row = (name: string, r: autocannon.Result) =>
      `${name.padEnd(22)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   2xx ${r['2xx']}  non-2xx ${r.non2xx}  errors ${r.errors}`;
    console.log(`webhook bench: ${seconds}s per target, ${connections} connections, ${process.platform} ${process.arch}, ${(await import('node:os')).availableParallelism()} cores`);
    console.log(row('bare fastify 200', bare));
    console.log(row('POST /webhooks/telegram', hook));
    console.log(`ratio webhook/bare: ${(hook.requests.average / bare.requests.average).toFixed(3)}`);
    // Requests still in flight when autocannon stops are stored but not counted as answered: at most one per connection.
    const good = stored!.n >= accepted && stored!.n - accepted <= connections && stored!.n === stored!.distinct_keys;
    console.log(`accepted ${accepted}, stored ${stored!.n} (distinct ${stored!.distinct_keys}; up to ${connections} in flight at the stop): ${good ? 'every accepted update stored exactly once' : 'MISMATCH'}`);
    if (!good) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await db.drop();
  }
}

await main();
