import type { Choice } from '../channels/contract.js';
import { standardText } from '../language/standardize.js';
import { smallTalk } from './small-talk.js';
import { BACK_TO_MENU, mainMenu, texts } from './texts.js';
import type { ConversationState, Feature, Reply, TurnContext, TurnHandler, TurnResult } from './types.js';

/**
 * Words the core answers itself, as standard folded words (src/language), so "huỷ", "HỦY",
 * "thoát ra", "menu đi" or "hd" all count. Slash commands are matched before this.
 */
const CANCEL_WORDS = new Set(['huy', 'thoat', 'cancel', 'huy bo', 'thoat ra', 'dung lai', 'khong lam nua', 'thoi khoi', 'huy di']);
// "Bắt đầu" is not a menu word: it resumes appointment reminders (issue 6).
const MENU_WORDS = new Set(['menu', 'danh muc', 'menu di', 'xem menu', 'quay lai', 've danh muc', 'tro ve', 've menu']);
const HELP_WORDS = new Set(['help', 'trogiup', 'tro giup', 'huong dan', 'hd', 'huong dan su dung', 'can giup', 'giup voi', 'giup toi']);

/**
 * The platform-neutral conversation core: one turn in, replies and the next state out. It owns the
 * main menu, help, cancel, deep-link start and numbered-choice mapping; everything else is routed
 * to features in order. It never touches a platform or the database.
 */
export class ConversationCore {
  constructor(private readonly features: readonly Feature[]) {}

  async handle(ctx: TurnContext): Promise<TurnResult> {
    let result = await this.route(ctx);
    for (const f of this.features) if (f.afterTurn) result = await f.afterTurn(ctx, result);
    return result;
  }

  private async route(ctx: TurnContext): Promise<TurnResult> {
    const body = ctx.event.body;
    switch (body.type) {
      case 'follow':
        return this.menuReply(ctx, texts.welcome(ctx.event.displayName));
      case 'unfollow':
        return { replies: [], state: {} };
      case 'receipt': // recorded by the inbound worker, never a turn; nothing to say
        return { replies: [], state: ctx.state };
      case 'other':
      case 'contact-info':
        return keep(ctx, [{ type: 'text', text: texts.unsupported }]);
      case 'image':
        return (await this.firstOf(ctx, this.features.map((f) => f.image), '')) ?? keep(ctx, [{ type: 'text', text: texts.imageNotReady }]);
      case 'choice':
        return this.handleChoice(ctx, body.data);
      case 'text':
        return this.handleText(ctx, body.text.normalize('NFC').trim());
    }
  }

  private async handleText(ctx: TurnContext, text: string): Promise<TurnResult> {
    const lower = text.toLowerCase();
    const picked = pickChoice(lower, ctx.state.choices);
    if (picked) return this.handleChoice(ctx, picked.data);
    // A Zalo OA chat-menu button sends its payload back as plain text.
    if (mainMenu.some((c) => c.data === lower)) return this.handleChoice(ctx, lower);
    const words = standardText(text);
    if (CANCEL_WORDS.has(words) || ['/huy', '/cancel'].includes(lower)) {
      if (ctx.state.flow) return this.menuReply({ ...ctx, state: {} }, texts.cancelled);
      // Nothing to cancel: "HỦY" may be a reply to an announcement (a feature withdraws consent).
      const claimed = await this.firstOf({ ...ctx, state: {} }, this.features.map((f) => f.text), text);
      return claimed ?? this.menuReply({ ...ctx, state: {} }, texts.nothingToCancel);
    }
    if (MENU_WORDS.has(words)) return this.menuReply({ ...ctx, state: {} }, texts.menuTitle);
    if (HELP_WORDS.has(words)) return this.helpReply(ctx);

    const command = /^\/([a-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(text);
    if (command) return this.handleCommand(ctx, command[1]!.toLowerCase(), (command[2] ?? '').trim());

    if (ctx.state.flow) {
      const owner = this.features.find((f) => f.name === ctx.state.flow?.name);
      const result = owner?.flow ? await owner.flow(ctx, text) : null;
      if (result) return result;
    }
    const answered = await this.firstOf(ctx, this.features.map((f) => f.answer), text);
    if (answered) return answered;
    const small = smallTalk(text);
    // Inside a flow the flow keeps going: a short answer, no menu.
    if (small) return ctx.state.flow ? keep(ctx, [{ type: 'text', text: texts.smallTalkInFlow[small] }]) : this.menuReply(ctx, texts.smallTalk[small]);
    return (await this.firstOf(ctx, this.features.map((f) => f.text), text)) ?? this.menuReply(ctx, texts.notUnderstood);
  }

  private async handleCommand(ctx: TurnContext, name: string, arg: string): Promise<TurnResult> {
    if (name === 'start') {
      if (arg) {
        const result = await this.firstOf({ ...ctx, state: {} }, this.features.map((f) => f.startPayload), arg);
        if (result) return result;
      }
      return this.menuReply({ ...ctx, state: {} }, texts.welcome(ctx.event.displayName));
    }
    for (const f of this.features) {
      const handler = f.commands?.[name];
      const result = handler ? await handler({ ...ctx, state: withoutFlow(ctx.state) }, arg) : null;
      if (result) return result;
    }
    return this.menuReply(ctx, texts.notUnderstood);
  }

  private async handleChoice(ctx: TurnContext, data: string): Promise<TurnResult> {
    if (data === 'menu:help') return this.helpReply(ctx);
    if (data === 'menu:main') return this.menuReply({ ...ctx, state: {} }, texts.menuTitle);
    if (ctx.state.flow && !data.startsWith('menu:')) {
      const owner = this.features.find((f) => f.name === ctx.state.flow?.name);
      const result = owner?.flow ? await owner.flow(ctx, data) : null;
      if (result) return result;
    }
    for (const f of this.features) {
      for (const [prefix, handler] of Object.entries(f.choices ?? {})) {
        if (!data.startsWith(prefix)) continue;
        const result = await handler({ ...ctx, state: data.startsWith('menu:') ? {} : ctx.state }, data.slice(prefix.length));
        if (result) return result;
      }
    }
    const entry = mainMenu.find((c) => c.data === data);
    if (entry) return this.menuReply({ ...ctx, state: {} }, texts.comingSoon(entry.label));
    return this.menuReply({ ...ctx, state: {} }, texts.choiceExpired);
  }

  private async firstOf(ctx: TurnContext, handlers: readonly (TurnHandler | undefined)[], arg: string): Promise<TurnResult | null> {
    for (const handler of handlers) {
      const result = handler ? await handler(ctx, arg) : null;
      if (result) return result;
    }
    return null;
  }

  private menuReply(ctx: TurnContext, text: string): TurnResult {
    return { replies: [{ type: 'text', text, choices: mainMenu }], state: withoutFlow(ctx.state), stateExpiresAt: null };
  }

  private helpReply(ctx: TurnContext): TurnResult {
    return { replies: [{ type: 'text', text: texts.help, choices: [BACK_TO_MENU] }], state: ctx.state };
  }
}

function keep(ctx: TurnContext, replies: Reply[]): TurnResult {
  return { replies, state: ctx.state };
}

function withoutFlow(state: ConversationState): ConversationState {
  return state.choices ? { choices: state.choices } : {};
}

/** "2", "2.", " 2 " or the exact choice data (Zalo OA menus send payloads back as text). */
function pickChoice(text: string, choices: readonly Choice[] | undefined): Choice | undefined {
  if (!choices?.length) return undefined;
  const n = /^(\d{1,2})\s*[.)]?$/.exec(text);
  if (n) return choices[Number(n[1]) - 1];
  return choices.find((c) => c.data.toLowerCase() === text);
}
