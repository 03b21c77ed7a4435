import { describe, expect, it } from 'vitest';
import { ConversationCore } from '../../src/conversation/core.js';
import { smallTalk } from '../../src/conversation/small-talk.js';
import { mainMenu, texts } from '../../src/conversation/texts.js';
import type { ConversationState, Feature, TurnContext } from '../../src/conversation/types.js';

const caps = { textLimit: 2000, images: true, buttons: false, rate: { perSecond: 1, perChatPerSecond: 1, perChatBurst: 1 } };
function ctx(t: string, state: ConversationState = {}): TurnContext {
  return {
    event: { channel: 'web', botId: 'web', chatId: 'c1', userId: 'u1', at: new Date(), body: { type: 'text', text: t } },
    person: { contactId: 1, chatContactId: 1, role: 'resident' },
    state,
    now: new Date(),
    capabilities: caps,
    inboundId: 1,
  };
}
const first = (r: { replies: readonly { type: string }[] }) => r.replies[0] as unknown as { text: string; choices?: unknown };

describe('small talk', () => {
  it.each([
    ['alo', 'greeting'], ['Chào bạn', 'greeting'], ['xin chào ad', 'greeting'], ['ad ơi', 'greeting'],
    ['cảm ơn nhiều nha', 'thanks'], ['tks ad', 'thanks'], ['camon', 'thanks'], ['thank you', 'thanks'],
    ['ok', 'ack'], ['oke nha', 'ack'], ['dạ vâng ạ', 'ack'], ['ừ', 'ack'], ['được rồi', 'ack'],
    ['bye', 'bye'], ['tạm biệt nha', 'bye'], ['👍', 'emoji'], ['❤️❤️', 'emoji'], ['hihi', 'emoji'],
  ])('knows "%s" as %s', (input, kind) => {
    expect(smallTalk(input)).toBe(kind);
  });

  it.each(['alo cho hỏi tiêm ở đâu', 'ok tiêm ở đâu', 'không', 'chào giá vàng', '...'])('leaves "%s" to the features', (input) => {
    expect(smallTalk(input)).toBeNull();
  });

  it('answers with a short friendly text and the menu, never reaching the FAQ', async () => {
    const faq: Feature = { name: 'faq', text: async () => ({ replies: [{ type: 'text', text: 'Xin lỗi, tôi chưa có thông tin' }], state: {} }) };
    const core = new ConversationCore([faq]);
    for (const input of ['alo', 'ok', 'cảm ơn', '😊']) {
      const r = await core.handle(ctx(input));
      expect(first(r).text).not.toContain('Xin lỗi');
      expect(first(r).choices).toEqual(mainMenu);
    }
    expect(first(await core.handle(ctx('tks')))).toMatchObject({ text: texts.smallTalk.thanks });
  });

  it('keeps a flow going without the menu', async () => {
    const flow: Feature = { name: 'reg', flow: async () => null };
    const core = new ConversationCore([flow]);
    const r = await core.handle(ctx('cảm ơn', { flow: { name: 'reg', step: 'name', data: {} } }));
    expect(first(r).text).toBe(texts.smallTalkInFlow.thanks);
    expect(r.state.flow?.name).toBe('reg');
  });
});
