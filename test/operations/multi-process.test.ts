import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textUpdate } from '../channels/telegram-fixtures.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { FakeZalo } from '../fakes/fake-zalo.js';
import { createTestDatabase } from '../harness/database.js';
import { TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN } from '../harness/service.js';
import { sleep, waitFor } from '../harness/wait.js';
import postgres from 'postgres';
import pino from 'pino';
import { isQuiet } from '../../src/domain/quiet-hours.js';
import { ReminderQueue } from '../../src/queue/reminder-queue.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

interface Proc {
  readonly role: string;
  readonly port: number;
  readonly child: ChildProcess;
  readonly output: string[];
}

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let env: Record<string, string>;
let telegram: FakeTelegram;
let zalo: FakeZalo;
const procs: Proc[] = [];

async function start(role: 'web' | 'worker', env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { ...env, ROLE: role, PORT: String(port), PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (b: Buffer) => output.push(b.toString()));
  child.stderr!.on('data', (b: Buffer) => output.push(b.toString()));
  const proc = { role, port, child, output };
  procs.push(proc);
  return proc;
}

beforeAll(async () => {
  db = await createTestDatabase();
  telegram = await new FakeTelegram().start();
  zalo = await new FakeZalo().start();
  env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    QUEUE_PREFIX: `qtmp${randomBytes(4).toString('hex')}`,
    SWEEP_INTERVAL_SECONDS: '2',
    MAINTENANCE_INTERVAL_MINUTES: '1',
    SHUTDOWN_DRAIN_SECONDS: '0',
    TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET,
    TELEGRAM_API_ROOT: telegram.url,
    ZALO_OA_APP_ID: '4400000000000000001',
    ZALO_OA_SECRET_KEY: 'oa-secret-key-for-tests',
    ZALO_APP_SECRET: 'app-secret-for-tests',
    ZALO_OA_ACCESS_TOKEN: 'oa-access-0',
    ZALO_OA_REFRESH_TOKEN: 'oa-refresh-0',
    ZALO_OA_API_ROOT: zalo.url,
    ZALO_OAUTH_ROOT: zalo.url,
  };
  await Promise.all([start('web', env), start('web', env), start('worker', env), start('worker', env)]);
  for (const p of procs) {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${p.port}/readyz`).catch(() => undefined))?.status === 200, `${p.role} on ${p.port} ready\n${p.output.join('')}`, 90_000);
  }
}, 120_000);

afterAll(async () => {
  for (const p of procs) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => (p.child.exitCode !== null ? r(null) : p.child.once('exit', r)))));
  await telegram?.close();
  await zalo?.close();
  await db?.drop();
}, 60_000);

const post = (port: number, update: object) =>
  fetch(`http://127.0.0.1:${port}/webhooks/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET }, body: JSON.stringify(update) });

describe('two web and two worker processes on one Postgres and one Redis', () => {
  it('answers every update once, even when each is delivered to both web processes', async () => {
    const [webA, webB] = procs.filter((p) => p.role === 'web');
    const chats = Array.from({ length: 20 }, (_, i) => 6_600_000 + i);
    for (const chat of chats) {
      const update = textUpdate('/start', chat);
      const statuses = await Promise.all([post(webA!.port, update), post(webB!.port, update)].map(async (r) => (await r).status));
      expect(statuses).toEqual([200, 200]);
    }
    const replied = () => chats.filter((c) => telegram.delivered().some((d) => String(d.params.chat_id) === String(c)));
    await waitFor(() => replied().length === chats.length, 'a reply in every chat', 60_000);
    await sleep(2000);
    for (const chat of chats) expect(telegram.delivered().filter((d) => String(d.params.chat_id) === String(chat))).toHaveLength(1);
  }, 90_000);

  it('runs maintenance once per tick: the Zalo OA token is refreshed once', async () => {
    await waitFor(() => zalo.calls('oauth').length >= 1, 'the first maintenance tick', 90_000);
    await sleep(3000);
    expect(zalo.calls('oauth')).toHaveLength(1);
  }, 120_000);

  it('sends an appointment notice once, though both workers run the reminder queue', async () => {
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      const [contact] = await sql<{ id: string }[]>`select id from contacts where channel = 'telegram' and chat_id = '6600001'`;
      const [reg] = await sql<{ id: string }[]>`insert into vaccination_registrations (contact_id, full_name, commune_id) values (${contact!.id}, 'Nguyễn Văn Tư', 'pho-minh') returning id`;
      // Tomorrow 10:00 in Vietnam: the "appointed" notice is due now (07:00 if it is night).
      const tomorrow = new Date(Date.now() + 7 * 3600_000 + 24 * 3600_000);
      const at = `${tomorrow.toISOString().slice(0, 10)} 10:00`;
      const cli = await runCli(['registrations:appoint', '--ids', String(reg!.id), '--at', at, '--place', 'Trạm y tế Phổ Minh']);
      expect(cli.code, cli.output).toBe(0);
      const notices = () => telegram.delivered().filter((d) => String(d.params.chat_id) === '6600001' && String(d.params.text).includes('xếp lịch tiêm'));
      if (isQuiet(new Date())) {
        // At night the notice waits for 07:00: it is scheduled once, not once per worker.
        // The processes' queues live under QUEUE_PREFIX plus the database's own namespace (src/runtime.ts).
        const [ns] = await sql<{ value: string }[]>`select value from app_settings where key = 'queue_namespace'`;
        const q = new ReminderQueue({ redisUrl: 'redis://127.0.0.1:6379', prefix: `${env.QUEUE_PREFIX!}-${ns!.value}`, log: pino({ level: 'silent' }) });
        try {
          await sleep(3000);
          expect((await q.pending()).filter((j) => j.data.registrationId === Number(reg!.id) && j.data.kind.startsWith('appointed'))).toHaveLength(1);
        } finally {
          await q.close();
        }
      } else {
        await waitFor(() => notices().length >= 1, 'the appointment notice', 60_000);
        await sleep(3000);
        expect(notices()).toHaveLength(1);
      }
      const [log] = await sql<{ n: string }[]>`select count(*) as n from reminder_log where registration_id = ${reg!.id}`;
      expect(Number(log!.n)).toBeLessThanOrEqual(1);
    } finally {
      await sql.end();
    }
  }, 120_000);
});

/** Runs the CLI in its own process against the same Postgres and Redis, as an operator would. */
function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, env: { ...env, PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: string[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b.toString()));
    child.stderr!.on('data', (b: Buffer) => out.push(b.toString()));
    child.on('exit', (code) => resolve({ code, output: out.join('') }));
  });
}
