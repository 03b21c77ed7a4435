import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zaloOaMac } from '../../bots/zalo-oa/signature.js';
import { ZaloTokens } from '../../bots/zalo-oa/tokens.js';
import { ZaloTokenRepo } from '../../src/db/repos/zalo-token-repo.js';
import { contacts } from '../../src/db/schema/contacts.js';
import { zaloTokens } from '../../src/db/schema/zalo-tokens.js';
import { FakeZalo } from '../fakes/fake-zalo.js';
import { inboundCases, outboundCases, type ChannelUnderTest } from '../harness/channel-harness.js';
import { startTestService, type TestService } from '../harness/service.js';
import { waitFor } from '../harness/wait.js';

const APP_ID = '1234567890123456789';
const OA_SECRET = 'oa-secret-key-for-tests';
// Real OA user ids are longer than 2^53: they must survive as strings.
const USER = '8123456789012345678';

const base = (event: string, extra: Record<string, unknown>) => ({ app_id: APP_ID, user_id_by_app: '5512345678901234567', event_name: event, timestamp: String(Date.now()), ...extra });
export const oaText = (text: string, msgId = 'msg-text-1') => base('user_send_text', { sender: { id: USER }, recipient: { id: '999' }, message: { text, msg_id: msgId } });
const oaImage = () => base('user_send_image', { sender: { id: USER }, recipient: { id: '999' }, message: { msg_id: 'msg-img-1', text: 'mã ở chợ', attachments: [{ type: 'image', payload: { url: 'https://photo-s.zadn.vn/qr.jpg', thumbnail: 'https://photo-s.zadn.vn/t.jpg' } }] } });
const oaFile = () => base('user_send_file', { sender: { id: USER }, recipient: { id: '999' }, message: { msg_id: 'msg-file-1', attachments: [{ type: 'file', payload: { url: 'https://f21-zpc.zdn.vn/ma-qr.jpg', name: 'ma-qr.jpg', size: '2048576', type: 'jpg' } }] } });
const oaLink = () => base('user_send_link', { sender: { id: USER }, recipient: { id: '999' }, message: { msg_id: 'msg-link-1', attachments: [{ type: 'link', payload: { url: 'https://quetma.example.vn/c/abc', description: 'x' } }] } });
const oaFollow = () => base('follow', { oa_id: '999', follower: { id: USER }, source: 'oa_profile' });
const oaUnfollow = () => base('unfollow', { oa_id: '999', follower: { id: USER }, source: 'oa_profile' });
const oaInfo = () => base('user_submit_info', { sender: { id: USER }, recipient: { id: '999' }, info: { name: 'Nguyễn Văn An', phone: '0905123456', address: 'Thôn 1', ward: 'Phổ Minh', city: 'Quảng Ngãi' } });
const oaSticker = () => base('user_send_sticker', { sender: { id: USER }, recipient: { id: '999' }, message: { msg_id: 'msg-st-1', attachments: [{ type: 'sticker', payload: { id: 's1' } }] } });

const sign = (raw: string, secret = OA_SECRET) => {
  const body = JSON.parse(raw) as { app_id: string; timestamp: string };
  return { 'x-zevent-signature': `mac=${zaloOaMac(body.app_id, raw, body.timestamp, secret)}` };
};

let fake: FakeZalo;
let ts: TestService;
let target: ChannelUnderTest;
const env = () => ({ ZALO_OA_APP_ID: APP_ID, ZALO_OA_SECRET_KEY: OA_SECRET, ZALO_APP_SECRET: 'app-secret', ZALO_OA_ACCESS_TOKEN: 'oa-access-0', ZALO_OA_REFRESH_TOKEN: 'oa-refresh-0', ZALO_OA_API_ROOT: fake.url, ZALO_OAUTH_ROOT: fake.url });

beforeAll(async () => {
  fake = await new FakeZalo().start();
  ts = await startTestService({ workers: false, env: env() });
  target = { ts, adapter: ts.rt.adapters.byChannel('zalo-oa')!, path: '/webhooks/zalo-oa', authHeaders: (raw) => sign(raw), calls: () => fake.calls().map((c) => ({ method: c.method, params: c.params })) };
});
afterAll(async () => {
  await ts?.stop();
  await fake?.close();
});

describe('zalo OA webhook', () => {
  const raw = JSON.stringify(oaText('xin chào', 'msg-raw'));
  inboundCases(() => target, [
    { name: 'signed text is stored, ids stay strings', body: oaText('xin chào'), auth: 'valid', status: 200, event: { channel: 'zalo-oa', chatId: USER, userId: USER, body: { type: 'text', text: 'xin chào' } } },
    { name: 'image carries its attachment URL and caption', body: oaImage(), auth: 'valid', status: 200, event: { body: { type: 'image', image: { kind: 'url', url: 'https://photo-s.zadn.vn/qr.jpg' }, caption: 'mã ở chợ' } } },
    { name: 'a shared link becomes its URL as text', body: oaLink(), auth: 'valid', status: 200, event: { body: { type: 'text', text: 'https://quetma.example.vn/c/abc' } } },
    { name: 'follow names the follower', body: oaFollow(), auth: 'valid', status: 200, event: { chatId: USER, body: { type: 'follow' } } },
    { name: 'unfollow is an event', body: oaUnfollow(), auth: 'valid', status: 200, event: { body: { type: 'unfollow' } } },
    { name: 'submitted info becomes contact info', body: oaInfo(), auth: 'valid', status: 200, event: { body: { type: 'contact-info', name: 'Nguyễn Văn An', phone: '0905123456', address: 'Thôn 1, Phổ Minh, Quảng Ngãi' } } },
    { name: 'a photo sent as a file is read as an image', body: oaFile(), auth: 'valid', status: 200, event: { body: { type: 'image', image: { kind: 'url', url: 'https://f21-zpc.zdn.vn/ma-qr.jpg' } } } },
    { name: 'a sticker is stored and ignored', body: oaSticker(), auth: 'valid', status: 200, event: null },
    { name: 'a wrong signature is refused', body: oaText('x', 'm-bad'), auth: { 'x-zevent-signature': 'mac=00ff' }, status: 401 },
    { name: 'a missing signature is refused', body: oaText('x', 'm-none'), auth: {}, status: 401 },
    { name: 'a signature made with the wrong secret is refused', body: raw, auth: sign(raw, 'not-the-oa-secret'), status: 401 },
    { name: 'whitespace added after signing breaks the signature', body: raw.replace('{', '{ '), auth: sign(raw), status: 401 },
    { name: 'a correctly signed event from 2020 is refused as a replay', body: { ...oaText('cũ', 'm-2020'), timestamp: '1600000000000' }, auth: 'valid', status: 401 },
    { name: 'a correctly signed event ten minutes old is refused', body: { ...oaText('cũ', 'm-10min'), timestamp: String(Date.now() - 10 * 60_000) }, auth: 'valid', status: 401 },
    { name: 'a correctly signed event from the future is refused', body: { ...oaText('sau', 'm-future'), timestamp: String(Date.now() + 10 * 60_000) }, auth: 'valid', status: 401 },
    { name: 'reordered keys break the signature', body: JSON.stringify({ event_name: 'user_send_text', ...JSON.parse(raw) }), auth: sign(raw), status: 401 },
  ]);

  it('processes a duplicate delivery once', async () => {
    const body = JSON.stringify(oaText('lặp', 'msg-dup'));
    for (let i = 0; i < 2; i++) {
      const res = await ts.app.inject({ method: 'POST', url: '/webhooks/zalo-oa', headers: { 'content-type': 'application/json', ...sign(body) }, payload: body });
      expect(res.statusCode).toBe(200);
    }
    const { inboundUpdates } = await import('../../src/db/schema/inbound.js');
    const rows = await ts.rt.db.select().from(inboundUpdates).where(eq(inboundUpdates.key, 'msg-dup'));
    expect(rows).toHaveLength(1);
  });
});

describe('zalo OA sending', () => {
  outboundCases(() => target, [
    {
      name: 'text goes to the consultation endpoint with the access_token header',
      message: { chatId: USER, part: { type: 'text', text: 'Xin chào bạn' } },
      expectCalls: (calls) => {
        expect(calls).toHaveLength(1);
        expect(calls[0]).toMatchObject({ method: '/v3.0/oa/message/cs', params: { recipient: { user_id: USER }, message: { text: 'Xin chào bạn' } } });
      },
    },
  ]);

  it('uploads an image, then sends it as a media template', async () => {
    const media = await ts.rt.media.put(Buffer.from('89504e470d0a1a0a', 'hex'), 'image/png', 'qr.png');
    const before = fake.calls().length;
    await target.adapter.send({ chatId: USER, part: { type: 'image', media, caption: 'Mã QR' } });
    const calls = fake.calls().slice(before);
    expect(calls.map((c) => c.method)).toEqual(['/v2.0/oa/upload/image', '/v3.0/oa/message/cs']);
    expect(calls[0]!.files.file?.filename).toBe('qr.png');
    expect(calls[1]!.params).toMatchObject({ message: { text: 'Mã QR', attachment: { payload: { template_type: 'media', elements: [{ media_type: 'image' }] } } } });
  });

  it('marks a person who has not written for 7 days (-230) unreachable, without retry', async () => {
    fake.failNext('/v3.0/oa/message/cs', 200, { error: -230, message: 'User has not interacted with the OA in the past 7 days' });
    await expect(target.adapter.send({ chatId: USER, part: { type: 'text', text: 'nhắc lịch' } })).rejects.toMatchObject({ kind: 'unreachable', platformCode: '-230', retryable: false });
  });

  it('treats -32 as a rate limit that pauses and retries', async () => {
    fake.failNext('/v3.0/oa/message/cs', 200, { error: -32, message: 'Your application reached limit call api' });
    await expect(target.adapter.send({ chatId: USER, part: { type: 'text', text: 'x' } })).rejects.toMatchObject({ kind: 'rate-limited', retryable: true });
  });

  it('refreshes a rejected token once, stores the new pair, and the message goes through', async () => {
    fake.validAccess.delete('oa-access-0');
    const before = fake.calls().length;
    await target.adapter.send({ chatId: USER, part: { type: 'text', text: 'sau khi làm mới' } });
    const methods = fake.calls().slice(before).map((c) => c.method);
    expect(methods).toEqual(['/v3.0/oa/message/cs', 'oauth', '/v3.0/oa/message/cs']);
    expect(fake.calls('oauth').at(-1)!.headers.secret_key).toBe('app-secret');
    const [row] = await ts.rt.db.select().from(zaloTokens).where(eq(zaloTokens.appId, APP_ID));
    expect(row!.accessToken).toBe('oa-access-1');
    expect(row!.refreshToken).toBe('oa-refresh-1');
  });
});

describe('zalo OA token refresh', () => {
  it('lets only one of two racing refreshers spend the single-use refresh token', async () => {
    const store = new ZaloTokenRepo(ts.rt.db);
    const make = () => new ZaloTokens({ appId: 'race-app', appSecret: 's', oauthRoot: fake.url, store });
    await store.seed('race-app', { accessToken: 'stale', refreshToken: 'oa-refresh-race', expiresAt: new Date(Date.now() + 60_000) });
    const oauthBefore = fake.calls('oauth').length;
    // Both processes have read the stale pair before either refreshes: the worst interleaving.
    const [p1, p2] = [make(), make()];
    await Promise.all([p1.accessToken(), p2.accessToken()]);
    const [a, b] = await Promise.all([p1.refreshIfDue(), p2.refreshIfDue()]);
    expect(fake.calls('oauth').length - oauthBefore).toBe(1);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const pair = await store.load('race-app');
    expect(pair!.refreshToken).toMatch(/^oa-refresh-\d+$/);
    expect(pair!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000);
  });

  it('keeps the old pair when a refresh fails, and says whether a retry helps', async () => {
    const store = new ZaloTokenRepo(ts.rt.db);
    await store.seed('fail-app', { accessToken: 'old', refreshToken: 'oa-refresh-fail', expiresAt: new Date(Date.now() + 60_000) });
    const tokens = new ZaloTokens({ appId: 'fail-app', appSecret: 's', oauthRoot: fake.url, store });
    fake.failNext('oauth', 503, { error: -1 });
    await expect(tokens.refresh('due')).rejects.toMatchObject({ retryable: true });
    fake.failNext('oauth', 200, { error: -14014, error_name: 'Invalid refresh token' });
    await expect(tokens.refresh('due')).rejects.toMatchObject({ retryable: false });
    expect(await store.load('fail-app')).toMatchObject({ accessToken: 'old', refreshToken: 'oa-refresh-fail' });
  });
});

describe('a conversation through the Zalo OA', () => {
  it('answers /start with numbered choices the OA can show', async () => {
    const live = await startTestService({ env: env() });
    try {
      const before = fake.calls().length;
      const body = JSON.stringify(oaText('/start', 'msg-conv-1'));
      const res = await live.app.inject({ method: 'POST', url: '/webhooks/zalo-oa', headers: { 'content-type': 'application/json', ...sign(body) }, payload: body });
      expect(res.statusCode).toBe(200);
      const sent = await waitFor(() => fake.calls().slice(before).find((c) => c.method === '/v3.0/oa/message/cs'), 'welcome sent');
      expect(String((sent.params.message as { text: string }).text)).toMatch(/1\. /);
      const [contact] = await live.rt.db.select().from(contacts).where(eq(contacts.chatId, USER));
      expect(contact!.channel).toBe('zalo-oa');
    } finally {
      await live.stop();
    }
  });
});
