import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import { fold } from '../domain/fold.js';
import { dashboardTexts as dt } from './texts.js';
import { issueLoginLink, LINK_TTL_MS, type AuthDeps } from './auth.js';

const menu = { label: dt.menu, data: 'menu:main' };
const say = (text: string): TurnResult => ({ replies: [{ type: 'text', text, choices: [menu] }], state: {} });

export const LOGIN_TEXTS = {
  notOfficial: dt.login.notOfficial,
  link: (url: string) => dt.login.link(url, LINK_TTL_MS / 60_000),
  limited: dt.login.limited,
};

/**
 * "/dangnhap" (or "đăng nhập") in an official's chat: a one-time dashboard link valid five minutes.
 * Anyone else is told the feature is for officials; the link request is audit-logged.
 */
export function loginFeature(deps: AuthDeps): Feature {
  const login = async (ctx: TurnContext): Promise<TurnResult> => {
    const official = await deps.officials.forChat(ctx.event.channel, ctx.event.botId, ctx.event.chatId);
    if (!official) return say(LOGIN_TEXTS.notOfficial);
    const r = await issueLoginLink(deps, official, 'chat');
    return say(r.ok ? LOGIN_TEXTS.link(r.url) : LOGIN_TEXTS.limited);
  };
  return {
    name: 'dashboard-login',
    commands: { dangnhap: login },
    choices: { 'menu:dangnhap': login },
    text: async (ctx, text) => (['dang nhap', 'dang nhap bang dieu khien'].includes(fold(text)) ? login(ctx) : null),
  };
}
