import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webCapabilities } from '../../bots/web/adapter.js';
import type { ChannelAdapter, OutboundMessage } from '../../src/channels/contract.js';
import type { Feature } from '../../src/conversation/types.js';
import { heldCommand } from '../harness/held-turn.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, textOf } from '../harness/sim-chat.js';
import { sleep, waitFor } from '../harness/wait.js';

/**
 * The simulator API says whether the bot is still working on a chat, from Postgres alone: here the
 * API runs in one service with no workers and the conversation and send workers in another, sharing
 * only the database and Redis (as the web and worker processes do, test/operations/multi-process).
 */
let api: TestService;
let workers: TestService;

/** `/cho` holds its turn until released; `/cham` answers three messages, each delivered slowly. */
const { feature: held, release } = heldCommand('cho', ['một', 'hai', 'ba']);
const slow: Feature = {
  name: 'slow-turns',
  commands: {
    ...held.commands,
    cham: async () => ({ replies: ['chậm một', 'chậm hai', 'chậm ba'].map((text) => ({ type: 'text' as const, text })), state: {} }),
  },
};

/** The simulator, except that a message starting "chậm" takes 700 ms to deliver (a slow render, a busy machine). */
const slowDelivery: ChannelAdapter = {
  channel: 'web',
  botId: 'simulator',
  capabilities: webCapabilities,
  verify: () => true,
  parse: (raw) => workers.rt.simulator!.parse(raw),
  async send(msg: OutboundMessage) {
    if (msg.part.type === 'text' && msg.part.text.startsWith('chậm')) await sleep(700);
    return workers.rt.simulator!.send(msg);
  },
  downloadImage: (ref, max) => workers.rt.simulator!.downloadImage(ref, max),
};

beforeAll(async () => {
  const QUEUE_PREFIX = `qt${randomBytes(4).toString('hex')}`;
  api = await startTestService({ listen: true, workers: false, env: { QUEUE_PREFIX } });
  workers = await startTestService({ databaseUrl: api.databaseUrl, env: { QUEUE_PREFIX }, features: () => [slow], adapters: [slowDelivery] });
});
afterAll(async () => {
  release();
  await workers?.stop();
  await api?.stop();
});

describe('the simulator API tells whether a turn is in progress', () => {
  it('says so while the turn is being handled, and not once its replies are delivered', async () => {
    const chat = new SimChat(api);
    expect(await chat.poll()).toMatchObject({ messages: [], inProgress: false });
    await chat.post('/cho');
    expect(await chat.poll()).toMatchObject({ messages: [], inProgress: true });
    await sleep(1_000); // the worker has long picked the turn up; it is held at the gate
    expect(await chat.poll()).toMatchObject({ messages: [], inProgress: true });
    release();
    const replies = await chat.replies(15_000, 3);
    expect(replies.map((m) => m.part.text)).toEqual(['một', 'hai', 'ba']);
    expect(await chat.poll()).toMatchObject({ messages: [], inProgress: false });
  });

  it('gives SimChat every reply of a turn whose messages arrive far apart', async () => {
    const chat = new SimChat(api);
    const replies = await chat.send('/cham');
    expect(textOf(replies)).toBe('chậm một\nchậm hai\nchậm ba');
  });

  it('pages more messages than one answer holds, and SimChat gets them all in order', async () => {
    const chat = new SimChat(api);
    const MANY = 105; // one page is 100
    for (let i = 0; i < MANY; i++) await workers.rt.simulator!.send({ chatId: `${chat.session}.resident`, part: { type: 'text', text: `tin ${i + 1}` } });
    const replies = await chat.replies(15_000, MANY);
    expect(replies.map((m) => m.part.text)).toEqual(Array.from({ length: MANY }, (_, i) => `tin ${i + 1}`));
    const first = await chat.poll(0);
    expect(first.messages).toHaveLength(100);
    expect(first.more).toBe(true);
    const rest = await chat.poll(first.messages.at(-1)!.id);
    expect(rest.messages).toHaveLength(MANY - 100);
    expect(rest.more).toBe(false);
  });

  it('counts a message due now until it is delivered, and not one scheduled for later', async () => {
    const chat = new SimChat(api);
    const to = { channel: 'web', botId: 'simulator', chatId: `${chat.session}.resident` };
    const later = new Date(workers.rt.clock.now().getTime() + 3600_000);
    await workers.rt.outbox.add(workers.rt.db, [{ to, priority: 'reminder', parts: [{ type: 'text', text: 'hẹn sau' }], notBefore: later }]);
    expect(await chat.poll()).toMatchObject({ messages: [], inProgress: false });
    const now = await workers.rt.outbox.add(workers.rt.db, [{ to, priority: 'alert', parts: [{ type: 'text', text: 'báo ngay' }] }]);
    expect((await chat.poll()).inProgress).toBe(true); // written, not yet queued
    await workers.rt.outbox.afterCommit(now);
    const got = await waitFor(async () => {
      const p = await chat.poll();
      return !p.inProgress && p;
    }, 'the alert delivered', 15_000);
    expect(got.messages.map((m) => m.part.text)).toEqual(['báo ngay']);
  });

  it('answers a bad session with a JSON error', async () => {
    const res = await fetch(`${api.baseUrl}/chat/api/messages?session=x&role=resident`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'bad_request', retryable: false } });
  });
});
