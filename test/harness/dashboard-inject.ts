import type { TestService } from './service.js';

type Res = Promise<Awaited<ReturnType<TestService['app']['inject']>>>;

/** A signed-in dashboard session driven by inject (no browser): cookie and a form's CSRF token. */
export interface InjectSession {
  readonly cookie: string;
  get(url: string): Res;
  /** POSTs a form with the session's CSRF token (taken from the overview page). */
  post(url: string, payload: Record<string, string>): Res;
}

/** Opens a one-time login link as a browser would (confirmation page, then its CSRF form). */
export async function injectSignIn(ts: TestService, url: string): Promise<InjectSession> {
  const path = new URL(url).pathname;
  const page = await ts.app.inject({ method: 'GET', url: path });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const csrfCookie = page.cookies.find((c) => c.name === 'qm_csrf')!.value;
  const res = await ts.app.inject({ method: 'POST', url: path, payload: new URLSearchParams({ _csrf: csrf }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `qm_csrf=${csrfCookie}` } });
  const session = res.cookies.find((c) => c.name === 'qm_dash');
  if (!session) throw new Error(`login failed: ${res.statusCode}`);
  const cookie = `qm_dash=${session.value}; qm_csrf=${csrfCookie}`;
  const home = await ts.app.inject({ method: 'GET', url: '/quanly', headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(home.body)![1]!;
  return {
    cookie,
    get: (u) => ts.app.inject({ method: 'GET', url: u, headers: { cookie } }),
    post: (u, payload) => ts.app.inject({ method: 'POST', url: u, payload: new URLSearchParams({ _csrf: token, ...payload }).toString(), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } }),
  };
}
