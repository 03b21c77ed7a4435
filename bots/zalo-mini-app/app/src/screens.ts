import { ApiError, type Api, type CheckIn, type Member, type Venue } from './api.js';
import { button, h, show } from './dom.js';
import { texts as t, when } from './texts.js';
import type { ZaloBridge } from './zalo.js';

const PRIVACY_SEEN = 'quetma.privacy-seen';

/** What the screens share: the server API, the Zalo bridge, and the venue of the poster that opened the app. */
export interface AppContext {
  readonly api: Api;
  readonly zalo: ZaloBridge;
  readonly venueToken: string | undefined;
}

function errorBox(err: unknown, retry?: () => void): HTMLElement {
  const message = err instanceof ApiError ? err.message : t.network;
  const retryable = !(err instanceof ApiError) || err.retryable;
  return h('div', { class: 'error', role: 'alert' }, h('p', {}, message), retryable && retry ? button(t.retry, retry, 'btn secondary') : null);
}

/** Runs a step; a failure is shown in place of the screen, with "Thử lại" when trying again can help. */
async function attempt(step: () => Promise<void>, retry: () => void, back?: () => void): Promise<void> {
  try {
    await step();
  } catch (err) {
    show(h('h1', {}, t.title), errorBox(err, retry), back ? button(t.back, back, 'btn secondary') : null);
  }
}

const venueHeader = (v: Venue) => [
  h('p', { class: 'muted' }, t.title),
  h('h1', {}, v.name),
  h('p', {}, [v.address, v.commune].filter(Boolean).join(', ')),
  v.label ? h('p', { class: 'muted' }, v.label) : null,
];

/** No venue in the link: say how to open the app, and still offer history, family and check-out. */
export function homeScreen(ctx: AppContext): void {
  show(h('h1', {}, t.title), h('p', {}, t.noVenue), button(t.historyButton, () => historyScreen(ctx, () => homeScreen(ctx)), 'btn secondary'), button(t.familyButton, () => familyScreen(ctx, () => homeScreen(ctx)), 'btn secondary'), button(t.checkOutButton, () => checkOut(ctx, () => homeScreen(ctx)), 'btn secondary'));
}

/** The one-tap screen: the venue's name and one button. First use explains what is stored and why. */
export async function venueScreen(ctx: AppContext, token: string): Promise<void> {
  await attempt(async () => {
    const { venue, retentionDays } = await ctx.api.venue(token);
    const firstUse = ctx.zalo.getItem(PRIVACY_SEEN) === null;
    const notice = firstUse ? h('section', { class: 'notice', id: 'privacy' }, h('h2', {}, t.privacyTitle), ...t.privacy(retentionDays).map((p) => h('p', {}, p))) : null;
    const go = button(t.checkInButton, () => checkIn(ctx, token, { selfToo: true, dependentIds: [] }));
    go.id = 'checkin';
    show(...venueHeader(venue), notice, go);
  }, () => void venueScreen(ctx, token));
}

async function checkIn(ctx: AppContext, token: string, who: { selfToo: boolean; dependentIds: number[] }): Promise<void> {
  await attempt(async () => {
    const result = await ctx.api.checkIn(token, who);
    ctx.zalo.setItem(PRIVACY_SEEN, new Date().toISOString());
    confirmation(ctx, result);
  }, () => void checkIn(ctx, token, who), () => void venueScreen(ctx, token));
}

/** After a check-in: what was recorded, then check-out, family members and history, and the alert offer. */
function confirmation(ctx: AppContext, r: CheckIn): void {
  const again = () => confirmation(ctx, r);
  const alerts = h('section', { class: 'alerts', id: 'alerts' }, h('p', { class: 'muted' }, t.loading));
  show(
    ...venueHeader(r.venue),
    h('p', { class: 'result', id: 'result' }, r.message),
    r.outcome !== 'checked-out' ? button(t.checkOutButton, () => checkOut(ctx, again)) : null,
    button(t.familyButton, () => familyScreen(ctx, again), 'btn secondary'),
    button(t.historyButton, () => historyScreen(ctx, again), 'btn secondary'),
    alerts,
  );
  void alertsBlock(ctx, alerts);
}

/** Says plainly whether exposure alerts can reach the person, and offers to follow the OA and link it. */
async function alertsBlock(ctx: AppContext, box: HTMLElement): Promise<void> {
  const title = h('h2', {}, t.alertsTitle);
  try {
    const me = await ctx.api.me();
    if (me.alerts.reachable) return box.replaceChildren(title, h('p', {}, t.alertsOn));
    const oaId = me.oaId;
    if (!oaId) return box.replaceChildren(title, h('p', { id: 'alerts-none' }, t.alertsNoOa));
    const follow = button(t.alertsFollow, async () => {
      if (!(await ctx.zalo.followOA(oaId))) return box.replaceChildren(title, h('p', { id: 'alerts-declined' }, t.alertsDeclined), follow);
      const { message, expiresInMinutes } = await ctx.api.linkCode();
      await ctx.zalo.openOAChat(oaId, message);
      box.replaceChildren(title, h('p', { id: 'alerts-link' }, t.alertsLinkStep(message)));
      awaitLinkRequest(ctx, box, expiresInMinutes);
    });
    follow.id = 'follow';
    box.replaceChildren(title, h('p', {}, t.alertsOffer), follow);
  } catch (err) {
    box.replaceChildren(title, errorBox(err, () => void alertsBlock(ctx, box)));
  }
}

/** How often the app looks for the chat's link request while the code is alive and the app is in front. */
const LINK_POLL_MS = 3000;

/**
 * After the code went to the OA chat: waits for the chat's request, then asks the same question a
 * chat would ("Một cuộc trò chuyện khác … muốn liên kết… Đồng ý?"); only "Đồng ý" links.
 */
function awaitLinkRequest(ctx: AppContext, box: HTMLElement, minutes: number): void {
  const status = h('p', { class: 'muted', id: 'link-status' }, t.linkWaiting);
  const until = Date.now() + minutes * 60_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = false;
  const stop = () => {
    if (timer) clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
  const ask = (message: string) => {
    asked = true;
    stop();
    const answer = (accept: boolean) => async () => {
      try {
        const r = await ctx.api.answerLink(accept);
        box.replaceChildren(h('h2', {}, t.alertsTitle), h('p', { id: r.linked ? 'link-done' : 'link-refused', class: 'result' }, r.message));
      } catch (err) {
        box.replaceChildren(h('h2', {}, t.alertsTitle), errorBox(err));
      }
    };
    const yes = button(t.linkYes, answer(true));
    yes.id = 'link-yes';
    const no = button(t.linkNo, answer(false), 'btn secondary');
    no.id = 'link-no';
    box.replaceChildren(h('h2', {}, t.alertsTitle), h('p', { id: 'link-ask' }, message), yes, no);
  };
  const check = async (byHand: boolean) => {
    if (asked || !box.isConnected) return stop();
    try {
      const { pending } = await ctx.api.linkPending();
      if (pending) return ask(pending.message);
      if (byHand) status.textContent = t.linkNotYet;
    } catch (err) {
      if (byHand) status.textContent = err instanceof ApiError ? err.message : t.network;
    }
    schedule();
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    if (Date.now() < until && document.visibilityState === 'visible') timer = setTimeout(() => void check(false), LINK_POLL_MS);
  };
  // Coming back from the chat: look at once.
  const onVisible = () => {
    if (document.visibilityState === 'visible') void check(false);
  };
  document.addEventListener('visibilitychange', onVisible);
  box.append(status, button(t.linkCheck, () => check(true), 'btn secondary'));
  schedule();
}

async function checkOut(ctx: AppContext, back: () => void): Promise<void> {
  await attempt(async () => {
    const r = await ctx.api.checkOut();
    show(h('h1', {}, t.title), h('p', { class: 'result', id: 'result' }, r.message), button(t.historyButton, () => historyScreen(ctx, back), 'btn secondary'));
  }, () => void checkOut(ctx, back), back);
}

/** Family members: check the chosen ones in at this venue, add, remove. */
export async function familyScreen(ctx: AppContext, back: () => void): Promise<void> {
  const again = () => void familyScreen(ctx, back);
  await attempt(async () => {
    const { members } = await ctx.api.family();
    const boxes = new Map<number, HTMLInputElement>();
    const row = (m: Member) => {
      const box = h('input', { type: 'checkbox', 'aria-label': m.name }) as HTMLInputElement;
      boxes.set(m.id, box);
      const who = [m.name, m.birthYear ? `sinh ${m.birthYear}` : null, m.relation].filter(Boolean).join(', ');
      return h('li', {}, h('label', {}, ctx.venueToken ? box : null, who), button(t.remove, async () => {
        await ctx.api.removeMember(m.id);
        again();
      }, 'btn danger small'));
    };
    const pick = ctx.venueToken && members.length
      ? button(t.familyCheckIn, async () => {
          const ids = members.filter((m) => boxes.get(m.id)?.checked).map((m) => m.id);
          if (ids.length) await checkIn(ctx, ctx.venueToken!, { selfToo: false, dependentIds: ids });
        })
      : null;
    show(
      h('h1', {}, t.familyTitle),
      h('p', {}, members.length ? (ctx.venueToken ? t.familyPick : '') : t.familyEmpty),
      h('ul', { class: 'list' }, ...members.map(row)),
      pick,
      !ctx.venueToken && members.length ? h('p', { class: 'muted' }, t.familyNoVenue) : null,
      addForm(ctx, again),
      button(t.back, back, 'btn secondary'),
    );
  }, again, back);
}

function addForm(ctx: AppContext, done: () => void): HTMLElement {
  const name = h('input', { type: 'text', id: 'dep-name', autocomplete: 'off', maxlength: '60' }) as HTMLInputElement;
  const year = h('input', { type: 'number', id: 'dep-year', inputmode: 'numeric' }) as HTMLInputElement;
  const relation = h('input', { type: 'text', id: 'dep-relation', maxlength: '40' }) as HTMLInputElement;
  const problem = h('p', { class: 'error', role: 'alert', hidden: '' });
  const add = button(t.add, async () => {
    try {
      await ctx.api.addMember({ name: name.value, birthYear: year.value.trim() ? Number(year.value) : null, relation: relation.value.trim() || null });
      done();
    } catch (err) {
      problem.textContent = err instanceof ApiError ? err.message : t.network;
      problem.hidden = false;
    }
  }, 'btn secondary');
  add.id = 'dep-add';
  return h('section', {}, h('h2', {}, t.addTitle), h('label', { for: 'dep-name' }, t.nameLabel), name, h('label', { for: 'dep-year' }, t.yearLabel), year, h('label', { for: 'dep-relation' }, t.relationLabel), relation, problem, add);
}

/** Fourteen days of visits (the person's and their family's), and deleting them after a confirmation. */
export async function historyScreen(ctx: AppContext, back: () => void): Promise<void> {
  await attempt(async () => {
    const { visits, note } = await ctx.api.history();
    const items = visits.map((v) => h('li', {}, h('span', {}, `${when(v.checkedInAt)} — ${v.venue}${v.dependent ? ` (${v.dependent})` : ''}${v.checkedOutAt ? `, ra ${when(v.checkedOutAt)}` : `, ${t.stillIn}`}`)));
    const confirm = h('div', { hidden: '' }, h('p', {}, t.confirmDelete), button(t.deleteHistory, async () => {
      const r = await ctx.api.deleteHistory();
      show(h('h1', {}, t.historyTitle), h('p', { class: 'result' }, r.message), button(t.back, back, 'btn secondary'));
    }, 'btn danger'));
    show(
      h('h1', {}, t.historyTitle),
      visits.length ? h('ul', { class: 'list', id: 'history' }, ...items) : h('p', {}, t.historyEmpty),
      h('p', { class: 'muted' }, note),
      visits.length ? button(t.deleteHistory, () => void (confirm.hidden = false), 'btn danger') : null,
      confirm,
      button(t.back, back, 'btn secondary'),
    );
  }, () => void historyScreen(ctx, back), back);
}
