import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { startTestService, type TestService } from '../harness/service.js';

let ts: TestService;
let second: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  ts = await startTestService({ workers: false, env: { RATE_LIMITS: 'true' } });
  // A second instance of the HTTP app on the same database and Redis, as behind a load balancer.
  second = await buildApp(ts.rt);
});
afterAll(async () => {
  await second?.close();
  await ts?.stop();
});

const codePage = (app: typeof second, ip: string) => app.inject({ method: 'GET', url: '/c/AAAAAAAAAAAAAAAAAAAAAA', remoteAddress: ip });

describe('the HTTP edge', () => {
  it('limits anonymous code-page requests per client across instances, with a JSON error in Vietnamese', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await codePage(i % 2 === 0 ? ts.app : second, '10.1.2.3')).statusCode);
    expect(statuses.filter((s) => s === 429)).toHaveLength(0);
    const over = await codePage(second, '10.1.2.3');
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ ok: false, error: { code: 'rate_limited', retryable: true } });
    expect(over.json().error.message).toContain('vui lòng thử lại');
    // Another resident is not affected.
    expect((await codePage(ts.app, '10.9.9.9')).statusCode).not.toBe(429);
  });

  it('limits the simulator per client address: a script cannot open session after session', async () => {
    const post = (ip: string, i: number) =>
      ts.app.inject({ method: 'POST', url: '/chat/api/messages', remoteAddress: ip, payload: { id: `m${ip.replace(/\./g, '')}x${i}`, session: `s${ip.replace(/\./g, '')}x${i}`, role: 'resident', text: 'xin chào' } });
    const statuses: number[] = [];
    // Every message from a new session (new chat), as the link-code guesser did.
    for (let i = 0; i < 240; i++) statuses.push((await post('10.3.3.3', i)).statusCode);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const over = await post('10.3.3.3', 240);
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ ok: false, error: { code: 'rate_limited', retryable: true } });
    expect((await post('10.4.4.4', 0)).statusCode).toBe(200);
  });

  it('does not limit webhooks or health checks', async () => {
    for (let i = 0; i < 80; i++) expect((await ts.app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.1.2.4' })).statusCode).toBe(200);
  });

  it('sends security headers on HTML pages', async () => {
    const res = await ts.app.inject({ method: 'GET', url: '/chat', remoteAddress: '10.1.2.5' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });
});
