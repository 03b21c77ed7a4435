import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import { guessKeyOf, type GuessLimiter } from '../abuse/guess-limiter.js';
import { fold } from '../domain/fold.js';
import type { Commune } from '../venue-ops/ports.js';
import { normaliseInviteCode } from './codes.js';
import type { Officials } from './index.js';
import { officialsChatTexts, officialTexts as t } from './texts.js';
import { BACK_TO_MENU } from '../conversation/texts.js';


export interface OfficialsChatDeps {
  readonly officials: Officials;
  readonly guesses: GuessLimiter;
  searchCommunes(input: string): Commune[];
  communeById(id: string): Commune | undefined;
}

const say = (text: string): TurnResult => ({ replies: [{ type: 'text', text, choices: [BACK_TO_MENU] }], state: {} });
const ADMIN_WORDS = ['quan tri', 'quan tri vien', 'admin'];

/**
 * Becoming an official in chat: typing an invite code (in any chat app) makes that person an
 * official of the invite's communes; an admin invites others with `/moicanbo`.
 */
export function officialsChatFeature(deps: OfficialsChatDeps): Feature {
  const redeem = async (ctx: TurnContext, typed: string): Promise<TurnResult> => {
    const key = guessKeyOf(ctx);
    const minutes = Math.ceil(deps.guesses.limits.windowSeconds / 60);
    if (await deps.guesses.blocked(key)) return say(t.tooManyInvites(minutes));
    const chat = { contactId: ctx.person.chatContactId, channel: ctx.event.channel, chatId: ctx.event.chatId, displayName: ctx.person.displayName ?? null };
    const result = await deps.officials.redeem(typed, chat, ctx.now);
    if (result.kind !== 'joined') {
      return say((await deps.guesses.fail(key)) ? t.tooManyInvites(minutes) : t.badInvite);
    }
    if (result.official.role === 'admin') return say(t.joinedAdmin);
    return say(t.joined(result.official.communeIds.map((id) => deps.communeById(id)?.name ?? id)));
  };

  const invite = async (ctx: TurnContext, arg: string): Promise<TurnResult> => {
    const me = await deps.officials.forChat(ctx.event.channel, ctx.event.botId, ctx.event.chatId);
    if (!me || me.role !== 'admin') return say(t.adminOnly);
    const words = arg.trim();
    if (!words) return say(t.inviteUsage);
    if (ADMIN_WORDS.includes(fold(words))) {
      const made = await deps.officials.invite({ role: 'admin', communeIds: [], by: me, via: 'chat', now: ctx.now });
      return say(t.invited(made.code, officialsChatTexts.quanTriVien, made.expiresAt));
    }
    const ids: string[] = [];
    for (const part of words.split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
      const found = deps.searchCommunes(part);
      if (found.length === 0) return say(t.unknownCommune(part.slice(0, 60)));
      if (found.length > 1) return say(t.ambiguousCommune(part.slice(0, 60), found.slice(0, 6).map((c) => `${c.name} (${c.district})`)));
      ids.push(found[0]!.id);
    }
    const made = await deps.officials.invite({ role: 'official', communeIds: ids, by: me, via: 'chat', now: ctx.now });
    return say(t.invited(made.code, officialsChatTexts.canBo(ids.map((id) => deps.communeById(id)?.name ?? id).join(', ')), made.expiresAt));
  };

  return {
    name: 'officials-invite',
    commands: { moicanbo: invite },
    text: async (ctx, text) => (normaliseInviteCode(text) ? redeem(ctx, text) : null),
  };
}
