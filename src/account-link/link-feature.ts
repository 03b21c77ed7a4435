import { randomInt } from 'node:crypto';
import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import { fold } from '../domain/fold.js';
import type { AttemptCounter, LinkStore } from './ports.js';
import { channelNames, linkTexts as t } from './texts.js';

export interface LinkDeps {
  readonly store: LinkStore;
  readonly attempts: AttemptCounter;
}

/** A code lives this long: enough to switch apps, short enough that a leaked screenshot goes stale. */
export const LINK_CODE_MINUTES = 10;
/** Wrong codes a chat may send per attempt window before it must wait (10^6 codes: guessing is hopeless). */
export const MAX_FAILED_ATTEMPTS = 5;
export const ATTEMPT_WINDOW_MINUTES = 15;

// Not "link" alone: residents write that when they want the registration website.
const LINK = /^lien ket(?: tai khoan)?(?: ([\d ]{6,9}))?$/;
const UNLINK = /^(?:huy|bo|go) lien ket(?: tai khoan)?$/;

const say = (text: string): TurnResult => ({ replies: [{ type: 'text', text, choices: [{ label: 'Về danh mục', data: 'menu:main' }] }], state: {} });
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

/**
 * Linking a person's chats ("LIÊN KẾT"). Identity is per chat by default (issue 3); a person who
 * uses both Zalo and Telegram gets a one-time six-digit code in one and types it in the other, and
 * from then on both chats share one history, family list, registrations and venues. Codes are
 * single-use, expire, and wrong guesses are rate-limited per chat.
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
    if ((await deps.attempts.failures(chat)) >= MAX_FAILED_ATTEMPTS) return say(t.tooMany(ATTEMPT_WINDOW_MINUTES));
    const outcome = await deps.store.redeem(code, chat, ctx.now);
    switch (outcome.kind) {
      case 'linked': {
        const other = channelNames[ctx.event.channel] ?? ctx.event.channel;
        const notice = { to: outcome.issuer, replies: [{ type: 'text' as const, text: t.linkedNotice(other) }] };
        return { ...say(t.linked(names(await deps.store.chatsOf(chat)))), notices: [notice] };
      }
      case 'already':
        return say(t.already);
      case 'own-code':
        return say(t.ownCode);
      case 'unknown': {
        const failures = await deps.attempts.fail(chat);
        return say(failures >= MAX_FAILED_ATTEMPTS ? t.tooMany(ATTEMPT_WINDOW_MINUTES) : t.unknown(LINK_CODE_MINUTES));
      }
    }
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
    text: async (ctx, text) => {
      const folded = fold(text);
      if (UNLINK.test(folded)) return unlink(ctx);
      const m = LINK.exec(folded);
      return m ? linkCommand(ctx, m[1] ?? '') : null;
    },
  };
}
