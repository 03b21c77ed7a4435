import type { ZaloBridge } from '../../bots/zalo-mini-app/app/src/zalo.js';
import type { FakeZaloScript } from './fake-zalo-script.js';

type Call = { api: string; args: unknown[] };
type FakeWindow = Window & { __zaloFake?: FakeZaloScript; __zaloCalls?: Call[] };

const w = window as FakeWindow;
const script = (): FakeZaloScript => w.__zaloFake ?? {};
const record = (api: string, ...args: unknown[]) => (w.__zaloCalls ??= []).push({ api, args });

/**
 * Stand-in for bots/zalo-mini-app/app/src/zalo.ts in browser tests: the Vite build swaps the real
 * bridge (zmp-sdk) for this one. Route params come from the page URL, storage is localStorage, and
 * every Zalo call is recorded in `window.__zaloCalls` for the test to read.
 */
export const zalo: ZaloBridge = {
  routeParams: () => Object.fromEntries(new URLSearchParams(location.search)),
  async accessToken() {
    record('getAccessToken');
    const token = script().accessToken;
    if (!token) throw Object.assign(new Error('no access token'), { code: -1 });
    return token;
  },
  async followOA(oaId) {
    record('followOA', oaId);
    return script().followAccepts ?? true;
  },
  async openOAChat(oaId, message) {
    record('openChat', oaId, message);
  },
  getItem: (key) => localStorage.getItem(key),
  setItem: (key, value) => localStorage.setItem(key, value),
};
