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

/** One outbound part per recipient: an image with the text as its caption, or the text alone. */
export function renderPart(c: BroadcastContent, policy: ChannelPolicy, link: string | null): OutboundPart {
  const text = renderText(c, policy, link);
  if (c.imageUrl) return { type: 'text', text: `${text}\n\n🖼 ${c.imageUrl}` };
  return { type: 'text', text };
}

/** Problems with the content on a platform (too long), as Vietnamese sentences for the official. */
export function contentProblems(c: BroadcastContent, policy: ChannelPolicy): string[] {
  const sample = renderText(c, policy, c.button ? 'https://x.example/b/000000000000000000' : null);
  const limit = c.imageUrl ? policy.captionLimit : policy.textLimit;
  return sample.length > limit ? [broadcastRenderTexts.noiDungDaiKyTu(sample.length, limit, policy.channel)] : [];
}
