import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/channels/contract.js';
import { ConversationCore } from '../../src/conversation/core.js';
import { mainMenu } from '../../src/conversation/texts.js';
import type { ConversationState, Feature, TurnContext } from '../../src/conversation/types.js';

const caps = { textLimit: 2000, images: true, buttons: false, rate: { perSecond: 1, perChatPerSecond: 1, perChatBurst: 1 } };
function ctx(body: EventBody, state: ConversationState = {}): TurnContext {
  return {
    event: { channel: 'zalo-oa', botId: 'oa', chatId: 'c1', userId: 'u1', at: new Date(), body, displayName: 'Lan' },
    person: { contactId: 1, chatContactId: 1, role: 'resident' },
    state,
    now: new Date(),
    capabilities: caps,
    inboundId: 1,
  };
}
const text = (t: string): EventBody => ({ type: 'text', text: t });
const first = (r: { replies: readonly { type: string }[] }) => r.replies[0] as unknown as { text: string; choices?: { data: string }[] };

describe('the conversation core', () => {
  const core = new ConversationCore([]);

  it('greets /start by name with the main menu', async () => {
    const r = await core.handle(ctx(text('/start')));
    expect(first(r).text).toContain('Xin chào Lan');
    expect(first(r).choices).toEqual(mainMenu);
  });

  it('maps a typed number to the choice offered last (platforms without buttons)', async () => {
    const r = await core.handle(ctx(text('6'), { choices: mainMenu }));
    expect(first(r).text).toContain('Hướng dẫn sử dụng');
  });

  it('accepts a Zalo OA menu payload sent back as plain text', async () => {
    const r = await core.handle(ctx(text('menu:help')));
    expect(first(r).text).toContain('Hướng dẫn sử dụng');
  });

  it('says a menu entry is coming when no feature answers it yet', async () => {
    const r = await core.handle(ctx({ type: 'choice', data: 'menu:history' }));
    expect(first(r).text).toContain('Lịch sử ra vào của tôi');
    expect(first(r).text).toContain('chưa mở');
  });

  it('answers text it does not understand with the menu, in Vietnamese', async () => {
    const r = await core.handle(ctx(text('asdfgh')));
    expect(first(r).text).toMatch(/^Xin lỗi, tôi chưa hiểu/);
    expect(first(r).choices).toEqual(mainMenu);
  });

  it('routes deep-link payloads, commands, flows and cancel to features', async () => {
    const seen: string[] = [];
    const feature: Feature = {
      name: 'demo',
      startPayload: async (_c, arg) => (seen.push(`start:${arg}`), { replies: [{ type: 'text', text: 'vào' }], state: { flow: { name: 'demo', step: 'ask', data: {} } } }),
      flow: async (_c, arg) => (seen.push(`flow:${arg}`), { replies: [{ type: 'text', text: 'ok' }], state: {} }),
      commands: { diadiem: async () => (seen.push('cmd'), { replies: [{ type: 'text', text: 'địa điểm' }], state: {} }) },
    };
    const withFeature = new ConversationCore([feature]);
    const started = await withFeature.handle(ctx(text('/start c_abc')));
    expect(started.state.flow?.name).toBe('demo');
    await withFeature.handle(ctx(text('Tiệm tạp hóa'), started.state));
    await withFeature.handle(ctx(text('/diadiem')));
    const cancelled = await withFeature.handle(ctx(text('hủy'), started.state));
    expect(cancelled.state.flow).toBeUndefined();
    expect(first(cancelled).text).toContain('Đã hủy');
    expect(seen).toEqual(['start:c_abc', 'flow:Tiệm tạp hóa', 'cmd']);
  });

  it('answers unsupported message types kindly', async () => {
    const r = await core.handle(ctx({ type: 'other', what: 'sticker' }));
    expect(first(r).text).toContain('chưa đọc được');
  });
});
