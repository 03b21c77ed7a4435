import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textUpdate } from '../channels/telegram-fixtures.js';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN, type TestService } from '../harness/service.js';
import { waitFor } from '../harness/wait.js';
import { outboundMessages } from '../../src/db/schema/outbound.js';

const TOKEN = 'metrics-token-0123456789';
let fake: FakeTelegram;
let ts: TestService;
beforeAll(async () => {
  fake = await new FakeTelegram().start();
  ts = await startTestService({ env: { METRICS_TOKEN: TOKEN, TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url } });
});
afterAll(async () => {
  await ts?.stop();
  await fake?.close();
});

const scrape = (authorization?: string) => ts.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
const post = (update: object, secret = TEST_TELEGRAM_SECRET) => ts.app.inject({ method: 'POST', url: '/webhooks/telegram', headers: { 'x-telegram-bot-api-secret-token': secret }, payload: update });

describe('/metrics (Prometheus) for the monitoring system only', () => {
  it('refuses a scrape without the bearer token or with a wrong one', async () => {
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape('Bearer wrong-token-0123456789')).statusCode).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}`)).statusCode).toBe(200);
  });

  it('does not exist when no token is configured', async () => {
    const bare = await startTestService({ workers: false });
    try {
      expect((await bare.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await bare.stop();
    }
  });

  it('counts webhook requests per channel and status, FAQ decisions and the queue backlog', async () => {
    expect((await post(textUpdate('tiêm vắc xin có mất tiền không', 7_100_001))).statusCode).toBe(200);
    expect((await post(textUpdate('/start', 7_100_002), 'wrong-secret')).statusCode).toBe(401);
    await waitFor(() => fake.delivered().some((c) => String(c.params.chat_id) === '7100001'), 'the FAQ answer');
    const text = (await scrape(`Bearer ${TOKEN}`)).body;
    expect(text).toMatch(/quetma_webhook_requests_total\{channel="telegram",status="200"\} 1\b/);
    expect(text).toMatch(/quetma_webhook_requests_total\{channel="telegram",status="401"\} 1\b/);
    expect(text).toMatch(/quetma_webhook_duration_seconds_count\{channel="telegram"\} 2\b/);
    expect(text).toMatch(/quetma_faq_decisions_total\{decision="answer"\} 1\b/);
    expect(text).toMatch(/quetma_queue_waiting\{queue="inbound",priority=""\} \d+/);
    expect(text).toMatch(/quetma_queue_scrape_ok 1\b/);
    expect(text).toContain('quetma_process_resident_memory_bytes');
  });

  it('counts sends by outcome, including a 429 from the platform', async () => {
    const sentBefore = countOf((await scrape(`Bearer ${TOKEN}`)).body, 'quetma_sends_total{channel="telegram",outcome="sent"}');
    fake.failNext('sendMessage', 429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    expect((await post(textUpdate('tiêm vắc xin có mất tiền không', 7_100_003))).statusCode).toBe(200);
    await waitFor(() => fake.delivered().some((c) => String(c.params.chat_id) === '7100003'), 'the answer after the 429');
    // The worker counts a send after the platform answered, so the count may trail the delivery a moment.
    let text = '';
    await waitFor(async () => {
      text = (await scrape(`Bearer ${TOKEN}`)).body;
      return countOf(text, 'quetma_sends_total{channel="telegram",outcome="sent"}') > sentBefore;
    }, 'the sent count after the 429');
    expect(countOf(text, 'quetma_sends_total{channel="telegram",outcome="429"}')).toBe(1);
  });

  it('shows the send backlog per bot queue and priority class, from the ledger', async () => {
    const old = new Date(Date.now() - 90_000);
    // A bot with no worker in this process: its rows stay pending, as in a stalled deployment.
    await ts.rt.db.insert(outboundMessages).values([
      { channel: 'telegram', botId: 'stalled', chatId: '1', part: { type: 'text', text: 'a' }, priority: 'bulk', createdAt: old },
      { channel: 'telegram', botId: 'stalled', chatId: '2', part: { type: 'text', text: 'b' }, priority: 'bulk' },
      { channel: 'telegram', botId: 'stalled', chatId: '3', part: { type: 'text', text: 'c' }, priority: 'alert', dueAt: new Date(Date.now() + 3600_000) },
    ]);
    const text = (await scrape(`Bearer ${TOKEN}`)).body;
    expect(countOf(text, 'quetma_queue_waiting{queue="outbound-telegram-stalled",priority="bulk"}')).toBe(2);
    expect(countOf(text, 'quetma_queue_oldest_age_seconds{queue="outbound-telegram-stalled",priority="bulk"}')).toBeGreaterThanOrEqual(89);
    // Not due yet: a scheduled alert is not backlog.
    expect(text).not.toContain('queue="outbound-telegram-stalled",priority="alert"');
    // The live bot shows every class, even when empty.
    for (const priority of ['reply', 'alert', 'reminder', 'bulk']) expect(text).toMatch(new RegExp(`quetma_queue_waiting\\{queue="outbound-telegram-[^"]+",priority="${priority}"\\} \\d+`));
    expect(text).toMatch(/quetma_queue_waiting\{queue="reminders?",priority=""\} \d+/);
  });
});

/** The value of one exact series in a Prometheus text exposition (0 when absent). */
function countOf(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}
