import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { runCli } from '../../src/cli/main.js';
import { FakeZalo } from '../fakes/fake-zalo.js';
import { inboundCases, outboundCases, type ChannelUnderTest } from '../harness/channel-harness.js';
import { startTestService, type TestService } from '../harness/service.js';
import { waitFor } from '../harness/wait.js';

const TOKEN = '2468013579:zalo-bot-test-token';
const SECRET = 'zalo-bot-secret-123';
const CHAT = 'a1b2c3d4e5f60718';

const message = (event: string, extra: Record<string, unknown>, id = `m-${event}`) => ({
  event_name: event,
  message: { message_id: id, date: 1_700_000_000_000, from: { id: CHAT, display_name: 'Chị Hoa', is_bot: false }, chat: { id: CHAT, chat_type: 'PRIVATE' }, ...extra },
});

let fake: FakeZalo;
let ts: TestService;
let target: ChannelUnderTest;
const env = () => ({ ZALO_BOT_TOKEN: TOKEN, ZALO_BOT_WEBHOOK_SECRET: SECRET, ZALO_BOT_API_ROOT: fake.url, PUBLIC_URL: 'https://quetma.example.vn' });

beforeAll(async () => {
  fake = await new FakeZalo().start();
  ts = await startTestService({ workers: false, env: env() });
  target = { ts, adapter: ts.rt.zaloBot!, path: '/webhooks/zalo-bot', authHeaders: () => ({ 'x-bot-api-secret-token': SECRET }), calls: () => fake.calls().map((c) => ({ method: c.method, params: c.params })) };
});
afterAll(async () => {
  await ts?.stop();
  await fake?.close();
});

describe('zalo bot webhook', () => {
  inboundCases(() => target, [
    { name: 'bare text update is stored', body: message('message.text.received', { text: 'xin chào' }), auth: 'valid', status: 200, event: { channel: 'zalo-bot', chatId: CHAT, displayName: 'Chị Hoa', body: { type: 'text', text: 'xin chào' } } },
    { name: 'wrapped {ok, result} update is unwrapped', body: { ok: true, result: message('message.text.received', { text: 'gói' }, 'm-wrapped') }, auth: 'valid', status: 200, event: { body: { type: 'text', text: 'gói' } } },
    { name: 'image uses photo_url', body: message('message.image.received', { photo_url: 'https://f1.zdn.vn/qr.jpg', caption: 'mã' }, 'm-img'), auth: 'valid', status: 200, event: { body: { type: 'image', image: { kind: 'url', url: 'https://f1.zdn.vn/qr.jpg' }, caption: 'mã' } } },
    { name: 'older image payloads use photo', body: message('message.image.received', { photo: 'https://f1.zdn.vn/old.jpg' }, 'm-img-old'), auth: 'valid', status: 200, event: { body: { type: 'image', image: { kind: 'url', url: 'https://f1.zdn.vn/old.jpg' } } } },
    { name: 'a sticker is stored and ignored', body: message('message.sticker.received', { sticker: 'abc' }, 'm-st'), auth: 'valid', status: 200, event: null },
    { name: 'unsupported content is stored and ignored', body: message('message.unsupported.received', {}, 'm-un'), auth: 'valid', status: 200, event: null },
    { name: 'a wrong secret is refused', body: message('message.text.received', { text: 'x' }, 'm-w'), auth: { 'x-bot-api-secret-token': 'wrong-secret-xyz' }, status: 401 },
    { name: 'a missing secret is refused', body: message('message.text.received', { text: 'x' }, 'm-n'), auth: {}, status: 401 },
    { name: 'malformed JSON is a 400', body: '{"event_name": ', auth: 'valid', status: 400 },
  ]);
});

describe('zalo bot sending', () => {
  outboundCases(() => target, [
    {
      name: 'text is sendMessage',
      message: { chatId: CHAT, part: { type: 'text', text: 'Chào chị' } },
      expectCalls: (calls) => expect(calls).toMatchObject([{ method: 'sendMessage', params: { chat_id: CHAT, text: 'Chào chị' } }]),
    },
  ]);

  it('sends images by their public media URL, documents as a link', async () => {
    const media = await ts.rt.media.put(Buffer.from('89504e470d0a1a0a', 'hex'), 'image/png', 'qr.png');
    const before = fake.calls().length;
    await target.adapter.send({ chatId: CHAT, part: { type: 'image', media, caption: 'Mã QR' } });
    await target.adapter.send({ chatId: CHAT, part: { type: 'document', media } });
    const [photo, doc] = fake.calls().slice(before);
    expect(photo).toMatchObject({ method: 'sendPhoto', params: { chat_id: CHAT, caption: 'Mã QR', photo: `https://quetma.example.vn/media/${media.mediaId}` } });
    expect(String(doc!.params.text)).toContain(`/media/${media.mediaId}`);
  });

  it('maps API errors to the send-error taxonomy', async () => {
    fake.failNext('sendMessage', 429, { ok: false, error_code: 429, description: 'Too many requests' });
    await expect(target.adapter.send({ chatId: CHAT, part: { type: 'text', text: 'x' } })).rejects.toMatchObject({ kind: 'rate-limited' });
    fake.failNext('sendMessage', 400, { ok: false, error_code: 400, description: 'Bad request' });
    await expect(target.adapter.send({ chatId: CHAT, part: { type: 'text', text: 'x' } })).rejects.toMatchObject({ kind: 'fatal' });
    fake.failNext('sendMessage', 502, { ok: false, error_code: 502, description: 'Bad gateway' });
    await expect(target.adapter.send({ chatId: CHAT, part: { type: 'text', text: 'x' } })).rejects.toMatchObject({ kind: 'retry' });
  });

  it('downloads images only from Zalo hosts or its API root', async () => {
    const url = fake.addImage('ok.jpg', Buffer.from('ffd8ffe0', 'hex'));
    expect((await target.adapter.downloadImage({ kind: 'url', url }, 1024)).length).toBe(4);
    await expect(target.adapter.downloadImage({ kind: 'url', url: 'http://169.254.169.254/latest/meta-data' }, 1024)).rejects.toMatchObject({ kind: 'fatal' });
  });

  it('registers its webhook from the CLI', async () => {
    const out: string[] = [];
    const code = await runCli(['zalo-bot:set-webhook'], { ...env(), DATABASE_URL: ts.databaseUrl, QUEUE_PREFIX: 'qtzbcli' }, { out: (l) => out.push(l), err: () => {} });
    expect(code).toBe(0);
    expect(fake.calls('setWebhook').at(-1)!.params).toEqual({ url: 'https://quetma.example.vn/webhooks/zalo-bot', secret_token: SECRET });
  });
});

describe('a check-in through the Zalo bot, from a photo of the code', () => {
  it('downloads the photo, decodes it and answers with the venue', async () => {
    const live = await startTestService({ env: env() });
    try {
      const { domain, service } = live.rt.venues;
      const a = await service.register({ name: 'Bến đò Sa Kỳ', typeId: 'ferry-pier', communeId: domain.communes[0]!.id, address: 'Thôn Kỳ Xuyên', phone: '0905111222' });
      const photoUrl = fake.addImage('poster.png', await QRCode.toBuffer(a.url, { width: 500 }));
      const body = JSON.stringify(message('message.image.received', { photo_url: photoUrl }, 'm-live-photo'));
      const before = fake.calls().length;
      const res = await live.app.inject({ method: 'POST', url: '/webhooks/zalo-bot', headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': SECRET }, payload: body });
      expect(res.statusCode).toBe(200);
      const reply = await waitFor(() => fake.calls().slice(before).find((c) => c.method === 'sendMessage'), 'check-in reply', 20_000);
      expect(String(reply.params.text)).toContain('Bến đò Sa Kỳ');
    } finally {
      await live.stop();
    }
  });
});
