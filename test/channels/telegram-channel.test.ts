import { afterAll, beforeAll, describe, expect } from 'vitest';
import { FakeTelegram } from '../fakes/fake-telegram.js';
import { inboundCases, outboundCases, type ChannelUnderTest } from '../harness/channel-harness.js';
import { startTestService, TEST_TELEGRAM_SECRET, TEST_TELEGRAM_TOKEN, type TestService } from '../harness/service.js';
import { callbackUpdate, documentImageUpdate, editedMessageUpdate, groupTextUpdate, myChatMemberUpdate, photoUpdate, textUpdate } from './telegram-fixtures.js';

let fake: FakeTelegram;
let ts: TestService;
let target: ChannelUnderTest;

beforeAll(async () => {
  fake = await new FakeTelegram().start();
  ts = await startTestService({
    workers: false,
    env: { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_SECRET: TEST_TELEGRAM_SECRET, TELEGRAM_API_ROOT: fake.url },
  });
  const adapter = ts.rt.telegram!;
  target = {
    ts,
    adapter,
    path: '/webhooks/telegram',
    authHeaders: () => ({ 'x-telegram-bot-api-secret-token': TEST_TELEGRAM_SECRET }),
    calls: () => fake.calls(),
  };
});

afterAll(async () => {
  await ts?.stop();
  await fake?.close();
});

describe('telegram webhook', () => {
  inboundCases(() => target, [
    { name: 'text message with the right secret is stored', body: textUpdate('xin chào'), auth: 'valid', status: 200, event: { channel: 'telegram', chatId: '5123456789', body: { type: 'text', text: 'xin chào' } } },
    { name: 'deep-link start keeps its payload in the text', body: textUpdate('/start c_AbC123-_x'), auth: 'valid', status: 200, event: { body: { type: 'text', text: '/start c_AbC123-_x' } } },
    { name: 'photo picks the largest size', body: photoUpdate('big-file'), auth: 'valid', status: 200, event: { body: { type: 'image', image: { kind: 'telegram-file', fileId: 'big-file', size: 98_765 }, caption: 'mã ở cửa hàng' } } },
    { name: 'image sent as a file is an image', body: documentImageUpdate('doc-file'), auth: 'valid', status: 200, event: { body: { type: 'image', image: { kind: 'telegram-file', fileId: 'doc-file', size: 2_345_678 } } } },
    { name: 'button press becomes a choice', body: callbackUpdate('menu:help'), auth: 'valid', status: 200, event: { body: { type: 'choice', data: 'menu:help', callbackId: '4382bfdwdsb323b2d9' } } },
    { name: 'edited message is stored and ignored', body: editedMessageUpdate(), auth: 'valid', status: 200, event: null },
    { name: 'bot blocked notice is stored and ignored', body: myChatMemberUpdate(), auth: 'valid', status: 200, event: null },
    { name: 'group messages are stored and ignored', body: groupTextUpdate(), auth: 'valid', status: 200, event: null },
    { name: 'wrong secret is refused and nothing stored', body: textUpdate('x'), auth: { 'x-telegram-bot-api-secret-token': 'wrong-secret' }, status: 401 },
    { name: 'missing secret is refused', body: textUpdate('x'), auth: {}, status: 401 },
    { name: 'secret of a different length is refused', body: textUpdate('x'), auth: { 'x-telegram-bot-api-secret-token': `${TEST_TELEGRAM_SECRET}x` }, status: 401 },
    { name: 'malformed JSON is a 400', body: '{"update_id": 1, "message": ', auth: 'valid', status: 400 },
    { name: 'JSON that is not an update is a 400', body: { hello: 'world' }, auth: 'valid', status: 400 },
    { name: 'a body over 1 MB is a 413', body: JSON.stringify({ ...textUpdate('x'), pad: 'x'.repeat(1024 * 1024) }), auth: 'valid', status: 413 },
  ]);

  outboundCases(() => target, [
    {
      name: 'text with choices becomes sendMessage with an inline keyboard',
      message: { chatId: '5123456789', part: { type: 'text', text: 'Bạn cần gì?', choices: [{ label: 'Hướng dẫn', data: 'menu:help' }] } },
      expectCalls: (calls) => {
        expect(calls).toHaveLength(1);
        expect(calls[0]).toMatchObject({ method: 'sendMessage', params: { chat_id: '5123456789', text: 'Bạn cần gì?', reply_markup: { inline_keyboard: [[{ text: 'Hướng dẫn', callback_data: 'menu:help' }]] } } });
      },
    },
    {
      name: 'plain text has no keyboard',
      message: { chatId: '77', part: { type: 'text', text: 'Đã lưu.' } },
      expectCalls: (calls) => {
        expect(calls).toHaveLength(1);
        expect(calls[0]!.params).not.toHaveProperty('reply_markup');
      },
    },
  ]);
});

describe('telegram media', () => {
  outboundCases(() => target, [
    {
      name: 'image is uploaded with sendPhoto and its caption',
      get message() {
        return { chatId: '77', part: { type: 'image' as const, media: imageRef, caption: 'Mã QR của bạn' } };
      },
      expectCalls: (calls) => {
        expect(calls).toHaveLength(1);
        expect(calls[0]).toMatchObject({ method: 'sendPhoto', params: { chat_id: 77, caption: 'Mã QR của bạn' } });
      },
    },
  ]);
});

let imageRef: { mediaId: string; mime: string; filename: string };
beforeAll(async () => {
  imageRef = (await ts.rt.media.put(Buffer.from('89504e470d0a1a0a', 'hex'), 'image/png', 'qr.png')) as typeof imageRef;
});
