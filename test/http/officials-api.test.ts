import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../harness/service.js';

const KEY = 'officials-api-key-0123456789';
let ts: TestService;
let off: TestService;
let phoMinhToken: string;
let adminToken: string;
let phoMinhId: number;

/** An official made by an invite redeemed from a chat, with a personal API token. */
async function officialWithToken(t: TestService, chatId: string, opts: { communes?: string[]; role?: 'official' | 'admin' }) {
  const communeIds = (opts.communes ?? []).map((c) => t.rt.venues.domain.searchCommunes(c)[0]!.id);
  const { code } = await t.rt.officials.invite({ role: opts.role ?? 'official', communeIds, by: null, via: 'cli', now: new Date() });
  const contact = await t.rt.repos.contacts.upsertFromEvent({ channel: 'telegram', botId: 'b', chatId, userId: chatId, at: new Date(), body: { type: 'text', text: code } });
  const joined = await t.rt.officials.redeem(code, { contactId: contact.id, channel: 'telegram', chatId, displayName: null }, new Date());
  if (joined.kind !== 'joined') throw new Error('invite refused');
  return { id: joined.official.id, token: await t.rt.officials.issueApiToken(joined.official.id, 'cli') };
}

beforeAll(async () => {
  ts = await startTestService({ workers: false, env: { OFFICIALS_API_KEY: KEY } });
  off = await startTestService({ workers: false });
  const { domain, service } = ts.rt.venues;
  await service.register({ name: '=cmd|calc', typeId: 'shop', communeId: domain.searchCommunes('pho minh')[0]!.id, address: 'Chợ Phổ Minh', phone: '0905123456' });
  const pm = await officialWithToken(ts, '1001', { communes: ['Phổ Minh'] });
  phoMinhToken = pm.token;
  phoMinhId = pm.id;
  adminToken = (await officialWithToken(ts, '1002', { role: 'admin' })).token;
});
afterAll(async () => {
  await ts?.stop();
  await off?.stop();
});

const get = (t: TestService, url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("officials' API", () => {
  it('refuses a missing or wrong key with a JSON error, and is off without a key configured', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-key-wrong-key-00' }] as Record<string, string>[]) {
      const res = await get(ts, '/api/reports/venues.csv', headers);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized', retryable: false } });
    }
    expect((await get(off, '/api/reports/venues.csv', { 'x-api-key': KEY })).statusCode).toBe(404);
  });

  it('gives adoption per commune as CSV with a BOM, every commune listed, no formula cells', async () => {
    const res = await get(ts, '/api/reports/venues.csv', bearer(KEY));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.trim().split('\r\n');
    expect(lines).toHaveLength(1 + ts.rt.venues.domain.communes.length);
    expect(lines.find((l) => l.includes('Phường Phổ Minh'))).toMatch(/,1,1,1,0$/);
    const one = await get(ts, `/api/reports/venues.csv?commune=${encodeURIComponent('pho minh')}`, { 'x-api-key': KEY });
    expect(one.body.trim().split('\r\n')).toHaveLength(2);
    expect((await get(ts, '/api/reports/venues.csv?commune=atlantis', { 'x-api-key': KEY })).statusCode).toBe(400);
    // A personal token sees its own communes only.
    const mine = await get(ts, '/api/reports/venues.csv', bearer(phoMinhToken));
    expect(mine.body.trim().split('\r\n')).toHaveLength(2);
  });

  it('never gives personal data for the shared key: registrations need a personal token', async () => {
    for (const headers of [{ 'x-api-key': KEY }, bearer(KEY), {}, bearer('qtm_' + 'x'.repeat(43))] as Record<string, string>[]) {
      const res = await get(ts, '/api/reports/registrations.csv?commune=pho%20minh', headers);
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toContain('Họ tên');
    }
  });

  it("exports registrations of the official's own communes only, and audits the export", async () => {
    const csv = await get(ts, '/api/reports/registrations.csv?commune=pho%20minh', bearer(phoMinhToken));
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\uFEFFSố,Họ tên')).toBe(true);
    const other = await get(ts, '/api/reports/registrations.csv?commune=pho%20thanh', bearer(phoMinhToken));
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ ok: false, error: { code: 'forbidden', retryable: false } });
    const audit = await ts.rt.audit.list({ officialId: phoMinhId });
    expect(audit.find((a) => a.action === 'registrations.export')).toMatchObject({ via: 'api', communeId: expect.stringContaining('pho-minh') });
  });

  it('reloads the knowledge base for the shared key or an admin, not for a commune official', async () => {
    const reload = (headers: Record<string, string>) => ts.app.inject({ method: 'POST', url: '/api/faq/reload', headers });
    expect((await reload({ 'x-api-key': KEY })).json()).toMatchObject({ ok: true, topics: ts.rt.faq.topics().length });
    expect((await reload(bearer(adminToken))).statusCode).toBe(200);
    expect((await reload(bearer(phoMinhToken))).statusCode).toBe(403);
  });

  it('stops a token when its official is revoked', async () => {
    const { id, token } = await officialWithToken(ts, '1003', { communes: ['Phổ Minh'] });
    expect((await get(ts, '/api/reports/registrations.csv', bearer(token))).statusCode).toBe(200);
    await ts.rt.officials.revoke(id, { officialId: null, via: 'cli' }, new Date());
    expect((await get(ts, '/api/reports/registrations.csv', bearer(token))).statusCode).toBe(401);
  });
});
