import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * A secret in the channels file is never written there: `{ "env": "NAME" }` names the environment
 * variable that holds it (so the file can be committed or mounted as a ConfigMap).
 */
const secretRef = z.object({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name') }).strict();
/** A bot's name: part of its webhook path (/webhooks/<platform>/<name>), unique per platform. */
const botName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and -');
/** Commune codes this bot serves (its announcements go to them); empty: the whole area. */
const communes = z.array(z.string().min(1)).default([]);

const channelsFileSchema = z
  .object({
    telegram: z.array(z.object({ name: botName, token: secretRef, webhookSecret: secretRef, communes }).strict()).default([]),
    zaloOa: z
      .array(
        z
          .object({ name: botName, appId: z.string().min(1), oaSecretKey: secretRef, appSecret: secretRef, accessToken: secretRef.optional(), refreshToken: secretRef, chatUrl: z.url().optional(), communes })
          .strict(),
      )
      .default([]),
    zaloBot: z.array(z.object({ name: botName, token: secretRef, webhookSecret: secretRef, chatUrl: z.url().optional(), communes }).strict()).default([]),
  })
  .strict();

/** One more bot of a platform, with its secrets resolved. */
export interface TelegramBotConfig {
  readonly name: string;
  readonly token: string;
  readonly webhookSecret: string;
  readonly communes: readonly string[];
}
export interface ZaloOaBotConfig {
  readonly name: string;
  readonly appId: string;
  readonly oaSecretKey: string;
  readonly appSecret: string;
  readonly accessToken: string | undefined;
  readonly refreshToken: string;
  readonly chatUrl: string | undefined;
  readonly communes: readonly string[];
}
export interface ZaloBotConfig {
  readonly name: string;
  readonly token: string;
  readonly webhookSecret: string;
  readonly chatUrl: string | undefined;
  readonly communes: readonly string[];
}

/** The bots a deployment runs besides the single-bot variables (`CHANNELS_FILE`). */
export interface ChannelsConfig {
  readonly telegram: readonly TelegramBotConfig[];
  readonly zaloOa: readonly ZaloOaBotConfig[];
  readonly zaloBot: readonly ZaloBotConfig[];
}

export const NO_EXTRA_CHANNELS: ChannelsConfig = { telegram: [], zaloOa: [], zaloBot: [] };

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and validates a channels file (JSON), resolving each secret from `env`. Returns the
 * problems (by JSON path) instead of throwing, so the config error lists them with the others.
 */
export function readChannelsFile(file: string, env: Env): { channels: ChannelsConfig; problems: { key: string; message: string }[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { channels: NO_EXTRA_CHANNELS, problems: [{ key: 'CHANNELS_FILE', message: `cannot read ${file}: ${(err as Error).message}` }] };
  }
  const parsed = channelsFileSchema.safeParse(raw);
  if (!parsed.success) {
    return { channels: NO_EXTRA_CHANNELS, problems: parsed.error.issues.map((i) => ({ key: `CHANNELS_FILE:${i.path.join('.')}`, message: i.message })) };
  }
  const problems: { key: string; message: string }[] = [];
  const secret = (path: string, ref: { env: string } | undefined): string => {
    if (!ref) return '';
    const value = env[ref.env]?.trim();
    if (!value) problems.push({ key: `CHANNELS_FILE:${path}`, message: `environment variable ${ref.env} is not set` });
    return value ?? '';
  };
  const { telegram, zaloOa, zaloBot } = parsed.data;
  for (const [platform, list] of Object.entries({ telegram, zaloOa, zaloBot })) {
    const seen = new Set<string>();
    for (const b of list) {
      if (seen.has(b.name)) problems.push({ key: `CHANNELS_FILE:${platform}`, message: `bot name "${b.name}" is used twice` });
      seen.add(b.name);
    }
  }
  const channels: ChannelsConfig = {
    telegram: telegram.map((b, i) => ({ name: b.name, token: secret(`telegram.${i}.token`, b.token), webhookSecret: secret(`telegram.${i}.webhookSecret`, b.webhookSecret), communes: b.communes })),
    zaloOa: zaloOa.map((b, i) => ({
      name: b.name,
      appId: b.appId,
      oaSecretKey: secret(`zaloOa.${i}.oaSecretKey`, b.oaSecretKey),
      appSecret: secret(`zaloOa.${i}.appSecret`, b.appSecret),
      accessToken: b.accessToken ? secret(`zaloOa.${i}.accessToken`, b.accessToken) : undefined,
      refreshToken: secret(`zaloOa.${i}.refreshToken`, b.refreshToken),
      chatUrl: b.chatUrl,
      communes: b.communes,
    })),
    zaloBot: zaloBot.map((b, i) => ({ name: b.name, token: secret(`zaloBot.${i}.token`, b.token), webhookSecret: secret(`zaloBot.${i}.webhookSecret`, b.webhookSecret), chatUrl: b.chatUrl, communes: b.communes })),
  };
  for (const [i, b] of channels.telegram.entries()) {
    if (b.webhookSecret && !/^[A-Za-z0-9_-]{1,256}$/.test(b.webhookSecret)) problems.push({ key: `CHANNELS_FILE:telegram.${i}.webhookSecret`, message: 'must be 1-256 characters of A-Z a-z 0-9 _ -' });
  }
  return { channels, problems };
}
