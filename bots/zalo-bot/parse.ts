import type { EventBody, ParsedUpdate } from '../../src/channels/contract.js';

/**
 * Zalo Bot Platform update -> neutral event (platform-facts 2: Zalo's Bot API docs copy and the
 * @openclaw/zalo client). The body is bare or wrapped as {ok, result}. Events:
 * message.text.received, message.image.received (photo URL in message.photo_url, older payloads
 * message.photo), message.sticker.received and message.unsupported.received (stored, ignored).
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

export function parseZaloBotUpdate(botId: string, raw: unknown): ParsedUpdate {
  const body = isObj(raw) && isObj(raw.result) ? raw.result : raw;
  if (!isObj(body) || typeof body.event_name !== 'string' || !isObj(body.message)) return { ok: false, reason: 'not a Zalo Bot update' };
  const m = body.message;
  const key = str(m.message_id);
  const chat = isObj(m.chat) ? m.chat : {};
  const from = isObj(m.from) ? m.from : {};
  const chatId = str(chat.id) ?? str(from.id);
  if (!key || !chatId) return { ok: false, reason: 'Zalo Bot message without message_id or chat id' };
  const content = bodyOf(body.event_name, m);
  if (!content || (typeof chat.chat_type === 'string' && chat.chat_type !== 'PRIVATE')) return { ok: true, key, chatId, event: null };
  const date = typeof m.date === 'number' ? new Date(m.date) : new Date();
  const name = str(from.display_name) ?? str(from.first_name);
  return { ok: true, key, chatId, event: { channel: 'zalo-bot', botId, chatId, userId: str(from.id) ?? chatId, at: date, body: content, ...(name ? { displayName: name } : {}) } };
}

function bodyOf(event: string, m: Obj): EventBody | null {
  if (event === 'message.text.received' && typeof m.text === 'string') return { type: 'text', text: m.text };
  if (event === 'message.image.received') {
    const url = str(m.photo_url) ?? str(m.photo);
    if (!url) return null;
    return { type: 'image', image: { kind: 'url', url }, ...(typeof m.caption === 'string' && m.caption ? { caption: m.caption } : {}) };
  }
  return null;
}
