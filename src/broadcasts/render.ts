import type { OutboundPart } from '../channels/contract.js';
import type { ChannelPolicy } from './policy/channel-policy.js';
import { broadcastRenderTexts } from './texts.js';

export interface BroadcastContent {
  readonly text: string;
  readonly imageUrl?: string | null;
  readonly button?: { readonly label: string; readonly url: string } | null;
}

/** The text a platform shows: the announcement, then the link button as a line where buttons do not exist. */
export function renderText(c: BroadcastContent, policy: ChannelPolicy, link: string | null): string {
  const lines = [c.text.normalize('NFC').trim()];
  if (c.button && link && !policy.linkButtons) lines.push(`👉 ${c.button.label}: ${link}`);
  lines.push(broadcastRenderTexts.nhanDungDeKhongNhan);
  return lines.join('\n\n');
}

/**
 * One outbound part per recipient: the photo (fetched by the platform from its address) with the
 * text as its caption, or the text alone; the link as a button, which the outbox renders as a
 * text line where the channel has no link buttons. Through an approved template only the text goes.
 */
export function renderPart(c: BroadcastContent, policy: ChannelPolicy, link: string | null, viaTemplate = false): OutboundPart {
  const text = renderText(c, { ...policy, linkButtons: true }, link);
  const button = c.button && link ? { link: { label: c.button.label, url: link } } : {};
  if (viaTemplate) return { type: 'text', text: renderText(c, { ...policy, linkButtons: false }, link), template: true };
  if (c.imageUrl) return { type: 'web-image', url: c.imageUrl, caption: text, ...button };
  return { type: 'text', text, ...button };
}

/** Problems with the content on a platform (too long), as Vietnamese sentences for the official. */
export function contentProblems(c: BroadcastContent, policy: ChannelPolicy): string[] {
  const sample = renderText(c, policy, c.button ? 'https://x.example/b/000000000000000000' : null);
  const limit = c.imageUrl ? policy.captionLimit : policy.textLimit;
  return sample.length > limit ? [broadcastRenderTexts.noiDungDaiKyTu(sample.length, limit, policy.channel)] : [];
}
