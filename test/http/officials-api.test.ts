import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../harness/service.js';

const KEY = 'officials-api-key-0123456789';
let ts: TestService;
let off: TestService;
beforeAll(async () => {
  ts = await startTestService({ workers: false, env: { OFFICIALS_API_KEY: KEY } });
  off = await startTestService({ workers: false });
  const { domain, service } = ts.rt.venues;
  await service.register({ name: '=cmd|calc', typeId: 'shop', communeId: domain.searchCommunes('pho minh')[0]!.id, address: 'Chợ Phổ Minh', phone: '0905123456' });
});
afterAll(async () => {
  await ts?.stop();
  await off?.stop();
});

const get = (t: TestService, url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

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
    const res = await get(ts, '/api/reports/venues.csv', { authorization: `Bearer ${KEY}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.trim().split('\r\n');
    expect(lines).toHaveLength(1 + ts.rt.venues.domain.communes.length);
    expect(lines.find((l) => l.includes('Phường Phổ Minh'))).toMatch(/,1,1,1,0$/);
    const one = await get(ts, `/api/reports/venues.csv?commune=${encodeURIComponent('pho minh')}`, { 'x-api-key': KEY });
    expect(one.body.trim().split('\r\n')).toHaveLength(2);
    expect((await get(ts, '/api/reports/venues.csv?commune=atlantis', { 'x-api-key': KEY })).statusCode).toBe(400);
  });

  it('exports registrations and reloads the knowledge base', async () => {
    const csv = await get(ts, '/api/reports/registrations.csv?commune=pho%20minh', { 'x-api-key': KEY });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\uFEFFSố,Họ tên')).toBe(true);
    const reload = await ts.app.inject({ method: 'POST', url: '/api/faq/reload', headers: { 'x-api-key': KEY } });
    expect(reload.json()).toMatchObject({ ok: true, topics: ts.rt.faq.topics().length });
  });
});
