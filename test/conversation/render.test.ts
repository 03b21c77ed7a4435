import { describe, expect, it } from 'vitest';
import type { ChannelCapabilities } from '../../src/channels/contract.js';
import { renderReplies, splitText } from '../../src/conversation/render.js';

const rate = { perSecond: 1, perChatPerSecond: 1, perChatBurst: 1 };
const telegram: ChannelCapabilities = { textLimit: 4096, images: true, buttons: true, rate };
const noButtons: ChannelCapabilities = { textLimit: 2000, images: true, buttons: false, rate };
const choices = [
  { label: 'Khai báo vào/ra', data: 'menu:checkin' },
  { label: 'Hướng dẫn', data: 'menu:help' },
];

describe('fitting replies to a platform', () => {
  it('splits a long Vietnamese text at the platform limit on paragraph boundaries, losing nothing', () => {
    const paragraph = 'Người dân đăng ký tiêm chủng trên Cổng thông tin tiêm chủng COVID-19. '.repeat(20);
    const text = Array.from({ length: 8 }, () => paragraph.trim()).join('\n\n');
    const parts = splitText(text, 4096);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    expect(parts[0]!.endsWith('.')).toBe(true);
  });

  it('never cuts a surrogate pair when there is no boundary', () => {
    const text = '😀'.repeat(3000);
    const parts = splitText(text, 4095);
    for (const p of parts) expect(p).toBe(p.normalize('NFC'));
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });

  it('keeps buttons on the last chunk where the platform has buttons', () => {
    const { parts, choices: offered } = renderReplies([{ type: 'text', text: 'a'.repeat(5000), choices }], telegram);
    expect(parts).toHaveLength(2);
    expect(parts[0]).not.toHaveProperty('choices');
    expect(parts[1]).toMatchObject({ choices });
    expect(offered).toEqual(choices);
  });

  it('numbers the choices in the text where the platform has no buttons', () => {
    const { parts } = renderReplies([{ type: 'text', text: 'Bạn cần gì?', choices }], noButtons);
    expect(parts).toEqual([{ type: 'text', text: 'Bạn cần gì?\n\n1. Khai báo vào/ra\n2. Hướng dẫn\nTrả lời bằng số thứ tự (ví dụ: 1) để chọn.' }]);
  });

  it('normalises decomposed Vietnamese to NFC before measuring', () => {
    const nfd = 'Tiêm chủng'.normalize('NFD');
    const { parts } = renderReplies([{ type: 'text', text: nfd }], telegram);
    expect(parts[0]).toEqual({ type: 'text', text: 'Tiêm chủng' });
  });
});
