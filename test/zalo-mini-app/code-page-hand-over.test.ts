import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isZaloInAppBrowser } from '../../bots/zalo-mini-app/hand-over.js';
import { startTestService, type TestService } from '../harness/service.js';

const APP_ID = '2718281828459045235';
const UA = {
  zaloAndroid: 'Mozilla/5.0 (Linux; Android 13; SM-A536E Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/125.0.6422.165 Mobile Safari/537.36 Zalo android/251010850 ZaloTheme/light ZaloLanguage/vi',
  zaloIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/536 ZaloTheme/light ZaloLanguage/vn',
  chrome: 'Mozilla/5.0 (Linux; Android 13; SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36',
  safari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
};

let on: TestService;
let off: TestService;
beforeAll(async () => {
  [on, off] = await Promise.all([
    startTestService({ workers: false, env: { ZALO_MINI_APP_ID: APP_ID, ZALO_APP_SECRET: 'secret-for-proofs-0001' } }),
    startTestService({ workers: false }),
  ]);
});
afterAll(async () => {
  await Promise.all([on?.stop(), off?.stop()]);
});

async function poster(ts: TestService) {
  const { domain, service } = ts.rt.venues;
  const a = await service.register({ name: 'Nhà văn hóa thôn 4', typeId: domain.types[0]!.id, communeId: domain.communes[0]!.id, address: 'Thôn 4', phone: '0912345678' });
  return { ...a, token: a.url.split('/c/')[1]! };
}

const open = (ts: TestService, token: string, ua: string) => ts.app.inject({ method: 'GET', url: `/c/${token}`, headers: { 'user-agent': ua } });

describe('the /c/<token> page hands Zalo users to the Mini App', () => {
  it('recognises Zalo\'s in-app browser and nothing else', () => {
    expect(isZaloInAppBrowser(UA.zaloAndroid)).toBe(true);
    expect(isZaloInAppBrowser(UA.zaloIos)).toBe(true);
    expect(isZaloInAppBrowser(UA.chrome)).toBe(false);
    expect(isZaloInAppBrowser(UA.safari)).toBe(false);
    expect(isZaloInAppBrowser('Mozilla/5.0 MyZaloClone/1.0')).toBe(false);
    expect(isZaloInAppBrowser(undefined)).toBe(false);
  });

  it('redirects Zalo\'s scanner straight into the Mini App on this venue', async () => {
    const p = await poster(on);
    for (const ua of [UA.zaloAndroid, UA.zaloIos]) {
      const res = await open(on, p.token, ua);
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe(`https://zalo.me/s/${APP_ID}/?v=${p.token}`);
    }
  });

  it('keeps the page for other browsers, with a one-tap Zalo button, and refuses bad codes before any redirect', async () => {
    const p = await poster(on);
    const res = await open(on, p.token, UA.chrome);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Nhà văn hóa thôn 4');
    expect(res.body).toContain(`href="https://zalo.me/s/${APP_ID}/?v=${p.token}"`);
    expect(res.body).toContain(p.code.manualCode);
    const bad = await open(on, `${p.token.slice(0, -2)}zz`, UA.zaloAndroid);
    expect(bad.statusCode).toBe(404);
    expect(bad.body).toContain('Mã QR không hợp lệ');
  });

  it('changes nothing when no Mini App is configured: no redirect, no Mini App API', async () => {
    const p = await poster(off);
    const res = await open(off, p.token, UA.zaloAndroid);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('zalo.me/s/');
    const api = await off.app.inject({ method: 'POST', url: '/api/miniapp/checkin', payload: { venueToken: p.token, accessToken: 'x' } });
    expect(api.statusCode).toBe(404);
  });
});
