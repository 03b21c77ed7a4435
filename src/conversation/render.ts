import type { ChannelCapabilities, Choice, OutboundPart } from '../channels/contract.js';
import type { Reply } from './types.js';
import { texts } from './texts.js';

/**
 * Fits replies to a platform: texts longer than the platform limit are split at paragraph, line or
 * word boundaries, and choices become numbered lines where the platform has no buttons. Returns the
 * parts to send and the choices last offered (remembered so "2" maps back to a choice).
 */
export function renderReplies(replies: readonly Reply[], caps: ChannelCapabilities): { parts: OutboundPart[]; choices: Choice[] | undefined } {
  const parts: OutboundPart[] = [];
  let choices: Choice[] | undefined;
  for (const reply of replies) {
    if ((reply.type === 'text' || reply.type === 'image') && reply.choices && reply.choices.length > 0) choices = [...reply.choices];
    parts.push(...renderOne(reply, caps));
  }
  return { parts, choices };
}

/** A link button where the platform has none: the address as the message's last line. */
export function linkLine(link: { label: string; url: string }): string {
  return `👉 ${link.label}: ${link.url}`;
}

function renderOne(reply: Reply, caps: ChannelCapabilities): OutboundPart[] {
  if ((reply.type === 'text' || reply.type === 'web-image') && reply.link && !caps.linkButtons) {
    const { link, ...rest } = reply;
    if (rest.type === 'text') return renderOne({ ...rest, text: `${rest.text}\n\n${linkLine(link)}` }, caps);
    return [{ ...rest, caption: rest.caption ? `${rest.caption}\n\n${linkLine(link)}` : linkLine(link) }];
  }
  if (reply.type === 'text') {
    const body = caps.buttons || !reply.choices?.length ? reply.text : `${reply.text}\n\n${numbered(reply.choices)}`;
    const chunks = splitText(body.normalize('NFC'), caps.textLimit);
    // Buttons (choices, link) belong under the last chunk.
    const template = reply.template ? { template: true } : {};
    return chunks.map((text, i) => {
      if (i < chunks.length - 1) return { type: 'text', text, ...template };
      return { type: 'text', text, ...template, ...(caps.buttons && reply.choices?.length ? { choices: reply.choices } : {}), ...(reply.link ? { link: reply.link } : {}) };
    });
  }
  if (reply.type === 'image' && !caps.buttons && reply.choices?.length) {
    const caption = reply.caption ? { caption: reply.caption } : {};
    return [{ type: 'image', media: reply.media, ...caption }, ...renderOne({ type: 'text', text: texts.menuTitle, choices: reply.choices }, caps)];
  }
  return [reply];
}

export function numbered(choices: readonly Choice[]): string {
  return `${choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}\n${texts.numberedHint}`;
}

/** Splits text into chunks of at most `limit` UTF-16 units, preferring natural boundaries. */
export function splitText(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = bestCut(rest, limit);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

function bestCut(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  for (const sep of ['\n\n', '\n', '. ', ' ']) {
    const at = window.lastIndexOf(sep, limit - sep.length);
    if (at > limit / 2) return at + sep.length;
  }
  // No boundary in the second half: hard cut, but never between the halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
