import type { EventBody, InboundEvent, ParsedUpdate } from '../../src/channels/contract.js';

/**
 * Telegram update -> neutral event. Shapes follow the Bot API (`@telegraf/types` update.d.ts and
 * message.d.ts, Bot API 9.2): message.text, message.photo[] (PhotoSize, largest last), message.document
 * (images sent "as file"), callback_query (button presses). Other update types are stored and ignored.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseTelegramUpdate(botId: string, body: unknown): ParsedUpdate {
  if (!isObj(body) || typeof body.update_id !== 'number' || !Number.isSafeInteger(body.update_id)) {
    return { ok: false, reason: 'not a Telegram update: update_id missing' };
  }
  const key = String(body.update_id);
  const message = isObj(body.message) ? body.message : undefined;
  if (message) return fromMessage(botId, key, message);
  const cb = isObj(body.callback_query) ? body.callback_query : undefined;
  if (cb) return fromCallback(botId, key, cb);
  const chatId = findChatId(body) ?? 'unknown';
  return { ok: true, key, chatId, event: null };
}

function fromMessage(botId: string, key: string, m: Obj): ParsedUpdate {
  const chat = isObj(m.chat) ? m.chat : undefined;
  const from = isObj(m.from) ? m.from : undefined;
  if (!chat || chat.id === undefined) return { ok: false, reason: 'message without chat' };
  const chatId = String(chat.id);
  const body = messageBody(m);
  if (!body || chat.type !== 'private') return { ok: true, key, chatId, event: null };
  return { ok: true, key, chatId, event: event(botId, chatId, from, m.date, body) };
}

function messageBody(m: Obj): EventBody | null {
  if (typeof m.text === 'string') return { type: 'text', text: m.text };
  const caption = typeof m.caption === 'string' ? { caption: m.caption } : {};
  if (Array.isArray(m.photo) && m.photo.length > 0) {
    const largest = m.photo[m.photo.length - 1] as Obj;
    if (typeof largest.file_id !== 'string') return null;
    const size = typeof largest.file_size === 'number' ? { size: largest.file_size } : {};
    return { type: 'image', image: { kind: 'telegram-file', fileId: largest.file_id, ...size }, ...caption };
  }
  const doc = isObj(m.document) ? m.document : undefined;
  if (doc && typeof doc.file_id === 'string') {
    const mime = typeof doc.mime_type === 'string' ? doc.mime_type : '';
    if (!mime.startsWith('image/')) return { type: 'other', what: `document ${mime || 'unknown'}` };
    const size = typeof doc.file_size === 'number' ? { size: doc.file_size } : {};
    return { type: 'image', image: { kind: 'telegram-file', fileId: doc.file_id, ...size }, ...caption };
  }
  for (const what of ['sticker', 'voice', 'audio', 'video', 'video_note', 'location', 'contact', 'animation']) {
    if (m[what] !== undefined) return { type: 'other', what };
  }
  return null;
}

function fromCallback(botId: string, key: string, cb: Obj): ParsedUpdate {
  const msg = isObj(cb.message) ? cb.message : undefined;
  const chat = msg && isObj(msg.chat) ? msg.chat : undefined;
  const from = isObj(cb.from) ? cb.from : undefined;
  const chatId = chat?.id !== undefined ? String(chat.id) : from?.id !== undefined ? String(from.id) : undefined;
  if (!chatId) return { ok: false, reason: 'callback_query without chat' };
  if (typeof cb.data !== 'string') return { ok: true, key, chatId, event: null };
  const body: EventBody = { type: 'choice', data: cb.data, callbackId: String(cb.id) };
  return { ok: true, key, chatId, event: event(botId, chatId, from, undefined, body) };
}

function event(botId: string, chatId: string, from: Obj | undefined, date: unknown, body: EventBody): InboundEvent {
  const name = [from?.first_name, from?.last_name].filter((s) => typeof s === 'string').join(' ');
  return {
    channel: 'telegram',
    botId,
    chatId,
    userId: from?.id !== undefined ? String(from.id) : chatId,
    ...(name ? { displayName: name } : {}),
    at: typeof date === 'number' ? new Date(date * 1000) : new Date(),
    body,
  };
}

function findChatId(body: Obj): string | undefined {
  for (const v of Object.values(body)) {
    if (isObj(v) && isObj(v.chat) && v.chat.id !== undefined) return String(v.chat.id);
    if (isObj(v) && isObj(v.from) && v.from.id !== undefined) return String(v.from.id);
  }
  return undefined;
}
