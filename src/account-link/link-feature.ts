import { randomInt } from 'node:crypto';
import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import { fold } from '../domain/fold.js';
import { guessKeyOf, type GuessLimiter } from '../abuse/guess-limiter.js';
import type { ChatAddress, LinkStore } from './ports.js';
import { channelNames, linkTexts as t } from './texts.js';
import { BACK_TO_MENU } from '../conversation/texts.js';

export interface LinkDeps {
  readonly store: LinkStore;
  /** Wrong codes, limited per chat, per client address and overall (see GuessLimiter). */
  readonly guesses: GuessLimiter;
}

/** A code lives this long: enough to switch apps, short enough that a leaked screenshot goes stale. */
export const LINK_CODE_MINUTES = 10;

/**
 * Channels whose sessions receive no messages (the Zalo Mini App): a code they showed is confirmed
 * in the app itself, which asks the same question (see `confirmQuestion`) when it finds the request.
 */
const ASKS_IN_APP = new Set(['zalo-mini-app']);

/** "Một cuộc trò chuyện khác (…) muốn liên kết… Đồng ý?" for the chat that typed the code. */
export const confirmQuestion = (requesterChannel: string) => t.confirmAsk(channelNames[requesterChannel] ?? requesterChannel);

// Not "link" alone: residents write that when they want the registration website.
const LINK = /^lien ket(?: tai khoan)?(?: ([\d ]{6,9}))?$/;
const UNLINK = /^(?:huy|bo|go) lien ket(?: tai khoan)?$/;

const say = (text: string): TurnResult => ({ replies: [{ type: 'text', text, choices: [BACK_TO_MENU] }], state: {} });
const names = (chats: readonly { channel: string }[]) => [...new Set(chats.map((c) => channelNames[c.channel] ?? c.channel))];

/**
 * Issues a fresh six-digit link code for one chat (replacing its earlier ones), valid for
 * LINK_CODE_MINUTES; undefined when five random picks were all taken (say "try again").
 * Shared by the chat's "LIÊN KẾT" and the Zalo Mini App, which pre-fills the code in the OA chat.
 */
export async function issueLinkCode(store: LinkStore, chatContactId: number, now: Date): Promise<string | undefined> {
  const expires = new Date(now.getTime() + LINK_CODE_MINUTES * 60_000);
  for (let i = 0; i < 5; i++) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (await store.issue(chatContactId, code, expires)) return code;
  }
  return undefined;
}

/** What answering a link request did: the words for the one who answered, and a notice for the chat that typed the code. */
export interface LinkAnswer {
  readonly kind: 'linked' | 'declined' | 'nothing';
  readonly message: string;
  readonly notice?: { readonly to: ChatAddress; readonly text: string };
}

/**
 * The issuer's answer to the request on its code ("Đồng ý" / "Từ chối"): only now are the two
 * linked. Shared by the chat's buttons and the Zalo Mini App, which asks the same question.
 */
export async function answerLinkRequest(store: LinkStore, issuerContactId: number, accept: boolean, now: Date): Promise<LinkAnswer> {
  const outcome = await store.confirm(issuerContactId, accept, now);
  if (outcome.kind === 'nothing') return { kind: 'nothing', message: t.nothingPending };
  if (outcome.kind === 'declined') return { kind: 'declined', message: t.declined, notice: { to: outcome.requester, text: t.declinedNotice } };
  const linked = t.linked(names(await store.chatsOf(issuerContactId)));
  return { kind: 'linked', message: linked, notice: { to: outcome.requester, text: linked } };
}

/**
 * Linking a person's chats ("LIÊN KẾT"). Identity is per chat by default (issue 3); a person who
 * uses both Zalo and Telegram gets a one-time six-digit code in one and types it in the other, and
 * once the chat that showed the code confirms ("Đồng ý"), both chats share one history, family
 * list, registrations and venues. Codes are single-use and expire; wrong guesses are limited per
 * chat, per client address and overall, and a guessed code still links nothing without the
 * confirmation.
 */
export function linkFeature(deps: LinkDeps): Feature {
  const issue = async (ctx: TurnContext): Promise<TurnResult> => {
    const code = await issueLinkCode(deps.store, ctx.person.chatContactId, ctx.now);
    if (!code) return say(t.busy);
    const chats = await deps.store.chatsOf(ctx.person.chatContactId);
    return say(t.code(`${code.slice(0, 3)} ${code.slice(3)}`, code, LINK_CODE_MINUTES, names(chats)));
  };

  const redeem = async (ctx: TurnContext, code: string): Promise<TurnResult> => {
    const chat = ctx.person.chatContactId;
    const key = guessKeyOf(ctx);
    const minutes = Math.ceil(deps.guesses.limits.windowSeconds / 60);
    if (await deps.guesses.blocked(key)) return say(t.tooMany(minutes));
    const outcome = await deps.store.redeem(code, chat, ctx.now);
    switch (outcome.kind) {
      case 'requested': {
        const issuer = channelNames[outcome.issuer.channel] ?? outcome.issuer.channel;
        if (ASKS_IN_APP.has(outcome.issuer.channel)) return say(t.requestedInApp(issuer, LINK_CODE_MINUTES));
        const ask = { type: 'text' as const, text: confirmQuestion(ctx.event.channel), choices: [{ label: t.yes, data: 'link:ok' }, { label: t.no, data: 'link:no' }] };
        return { ...say(t.requested(issuer, LINK_CODE_MINUTES)), notices: [{ to: outcome.issuer, replies: [ask] }] };
      }
      case 'already':
        return say(t.already);
      case 'own-code':
        return say(t.ownCode);
      case 'unknown':
        return say((await deps.guesses.fail(key)) ? t.tooMany(minutes) : t.unknown(LINK_CODE_MINUTES));
    }
  };

  /** The issuing chat's answer: only now are the chats linked (or the request dropped). */
  const answer = async (ctx: TurnContext, accept: boolean): Promise<TurnResult> => {
    const r = await answerLinkRequest(deps.store, ctx.person.chatContactId, accept, ctx.now);
    return { ...say(r.message), ...(r.notice ? { notices: [{ to: r.notice.to, replies: [{ type: 'text' as const, text: r.notice.text }] }] } : {}) };
  };

  const unlink = async (ctx: TurnContext): Promise<TurnResult> => {
    const chats = await deps.store.chatsOf(ctx.person.chatContactId);
    if (chats.length < 2) return say(t.notLinked);
    const isPrimary = ctx.person.contactId === ctx.person.chatContactId;
    const n = await deps.store.unlink(ctx.person.chatContactId);
    return say(isPrimary ? t.unlinkedOthers(n) : t.unlinkedThis);
  };

  const linkCommand = (ctx: TurnContext, arg: string) => {
    const digits = arg.replace(/\s+/g, '');
    if (!digits) return issue(ctx);
    return /^\d{6}$/.test(digits) ? redeem(ctx, digits) : Promise.resolve(say(t.unknown(LINK_CODE_MINUTES)));
  };

  return {
    name: 'account-link',
    commands: { lienket: linkCommand, huylienket: unlink },
    choices: { 'link:ok': (ctx) => answer(ctx, true), 'link:no': (ctx) => answer(ctx, false) },
    text: async (ctx, text) => {
      const folded = fold(text);
      if (UNLINK.test(folded)) return unlink(ctx);
      const m = LINK.exec(folded);
      return m ? linkCommand(ctx, m[1] ?? '') : null;
    },
  };
}
