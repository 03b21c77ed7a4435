import { windowExclusion, type ChannelPolicy } from './channel-policy.js';

const DAY = 24 * 3600_000;

/**
 * Telegram Bot FAQ: about 30 messages per second to different users per bot, about 1 per second
 * to one chat; a 429 carries `retry_after`, during which the whole bot waits.
 */
export const telegramPolicy: ChannelPolicy = {
  channel: 'telegram',
  perSecond: 30,
  perChatPerSecond: 1,
  throttlePausesBot: true,
  textLimit: 4096,
  captionLimit: 1024,
  linkButtons: true,
  exclusion: () => null,
  notes: ['~30 msg/s per bot, ~1 msg/s per chat (Bot FAQ)', '429 retry_after pauses the whole bot', '403 blocked marks the chat unreachable'],
};

/** Zalo OA consultation messages reach only people who interacted in the last 7 days (-230 otherwise). */
export const ZALO_OA_WINDOW_MS = 7 * DAY;
const ZALO_OA_WINDOW = { ms: ZALO_OA_WINDOW_MS, reason: 'outside-zalo-window' } as const;

export const zaloOaPolicy: ChannelPolicy = {
  channel: 'zalo-oa',
  // 4,000 requests/minute app-wide is third-party information only; stay well under it.
  perSecond: 20,
  perChatPerSecond: 1,
  throttlePausesBot: true,
  textLimit: 2000,
  captionLimit: 2000,
  linkButtons: false,
  window: ZALO_OA_WINDOW,
  exclusion: windowExclusion(ZALO_OA_WINDOW),
  notes: [
    'consultation messages only within 7 days of the last interaction (-230 otherwise)',
    'outside the window: the approved template when ZALO_OA_TEMPLATE_ID is set (POST /v3.0/oa/message/template, UNVERIFIED third-party spec), else excluded',
    'link buttons on consultation messages are undocumented for v3: the link is a text line; images go as the media template by URL',
    'rate: 4,000 req/min app-wide is UNVERIFIED (third-party); we use 20 msg/s',
  ],
};

export const zaloBotPolicy: ChannelPolicy = {
  channel: 'zalo-bot',
  // Rate limits and any proactive window are not documented in any source we could read.
  perSecond: 10,
  perChatPerSecond: 1,
  throttlePausesBot: true,
  textLimit: 2000,
  captionLimit: 2000,
  linkButtons: false,
  exclusion: () => null,
  notes: ['text 2,000 chars (docs)', 'rate limits and proactive-message window UNVERIFIED: we use a conservative 10 msg/s'],
};

export const webPolicy: ChannelPolicy = {
  channel: 'web',
  perSecond: 50,
  perChatPerSecond: 5,
  throttlePausesBot: false,
  textLimit: 4096,
  captionLimit: 1024,
  linkButtons: false,
  exclusion: () => null,
  notes: ['the browser simulator'],
};

const byChannel = new Map([telegramPolicy, zaloOaPolicy, zaloBotPolicy, webPolicy].map((p) => [p.channel, p]));

/** The policy of a channel; unknown channels get the strictest one. */
export function policyFor(channel: string): ChannelPolicy {
  return byChannel.get(channel) ?? zaloBotPolicy;
}

export const allPolicies = (): ChannelPolicy[] => [...byChannel.values()];
