import type { EventBody, InboundEvent, ParsedUpdate } from '../../src/channels/contract.js';

/**
 * Zalo OA webhook event -> neutral event. Shapes per shared/notes/platform-facts.md 1.2 (Chatwoot's
 * Zalo OA channel and Zalo's SDKs): `user_send_text`, `user_send_image`
 * (message.attachments[].payload.url), `user_send_file` (attachment type "file" with payload.url and
 * payload.type = the extension: Chatwoot app/services/zalo/messages/attachment_service.rb; read as an image), `user_send_link` (payload.url), `follow`/`unfollow`
 * (follower.id), `user_submit_info` (info{...}, flat or with full_address). Everything else is
 * stored and ignored. IDs stay strings: they exceed 2^53.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

export function parseZaloOaEvent(botId: string, body: unknown): ParsedUpdate {
  if (!isObj(body) || typeof body.event_name !== 'string') return { ok: false, reason: 'not a Zalo OA event: event_name missing' };
  const name = body.event_name;
  const message = isObj(body.message) ? body.message : {};
  if (name === 'user_received_message' || name === 'user_seen_message') return receipt(botId, name, body, message);
  const user = str((isObj(body.follower) ? body.follower : undefined)?.id) ?? str((isObj(body.sender) ? body.sender : undefined)?.id);
  if (!user) return { ok: false, reason: `${name} without a user id` };
  const timestamp = str(body.timestamp) ?? '0';
  const key = str(message.msg_id) ?? `${name}:${user}:${timestamp}`;
  const event = (b: EventBody): ParsedUpdate => ({ ok: true, key, chatId: user, event: neutral(botId, user, timestamp, b) });
  switch (name) {
    case 'user_send_text':
      return typeof message.text === 'string' ? event({ type: 'text', text: message.text }) : { ok: true, key, chatId: user, event: null };
    case 'user_send_image': {
      const url = attachmentUrl(message, 'image');
      if (!url) return { ok: true, key, chatId: user, event: null };
      return event({ type: 'image', image: { kind: 'url', url }, ...(typeof message.text === 'string' && message.text ? { caption: message.text } : {}) });
    }
    case 'user_send_file': {
      // A photo sent "as a file" keeps its full resolution: read it like an image. A file that is
      // not an image gets the decoder's friendly "cannot open this file" answer.
      const url = attachmentUrl(message, 'file');
      return url ? event({ type: 'image', image: { kind: 'url', url } }) : { ok: true, key, chatId: user, event: null };
    }
    case 'user_send_link': {
      const url = attachmentUrl(message, 'link');
      return url ? event({ type: 'text', text: url }) : { ok: true, key, chatId: user, event: null };
    }
    case 'follow':
      return event({ type: 'follow' });
    case 'unfollow':
      return event({ type: 'unfollow' });
    case 'user_submit_info':
      return event(contactInfo(isObj(body.info) ? body.info : {}));
    default:
      return { ok: true, key, chatId: user, event: null };
  }
}

/**
 * Delivery receipts of messages the OA sent: sender and recipient are swapped (sender = the OA,
 * recipient = the person). `user_received_message` names one `message.msg_id`,
 * `user_seen_message` a list `message.msg_ids` (public integrations' webhook handlers; Zalo's
 * own documentation of these two shapes was not available to us).
 */
function receipt(botId: string, name: string, body: Obj, message: Obj): ParsedUpdate {
  const user = str((isObj(body.recipient) ? body.recipient : undefined)?.id);
  if (!user) return { ok: false, reason: `${name} without a recipient id` };
  const ids = [...(Array.isArray(message.msg_ids) ? message.msg_ids : []), message.msg_id].map(str).filter((x): x is string => x !== undefined);
  const timestamp = str(body.timestamp) ?? '0';
  const kind = name === 'user_seen_message' ? 'seen' : 'delivered';
  // Keyed apart from the person's own messages (whose msg_ids are another namespace of the same ids).
  const key = `${kind}:${ids.length === 1 ? ids[0] : `${user}:${timestamp}:${ids.length}`}`;
  if (ids.length === 0) return { ok: true, key, chatId: user, event: null };
  return { ok: true, key, chatId: user, event: neutral(botId, user, timestamp, { type: 'receipt', kind, platformMessageIds: ids }) };
}

function attachmentUrl(message: Obj, type: string): string | undefined {
  const list = Array.isArray(message.attachments) ? message.attachments.filter(isObj) : [];
  const a = list.find((x) => x.type === type) ?? list[0];
  return str((a && isObj(a.payload) ? a.payload : undefined)?.url);
}

function contactInfo(info: Obj): EventBody {
  const full = isObj(info.full_address) ? info.full_address : undefined;
  const address = full ? [full.user_address, full.user_ward, full.user_city].filter((x) => typeof x === 'string' && x).join(', ') : [info.address, info.ward, info.district, info.city].filter((x) => typeof x === 'string' && x).join(', ');
  return { type: 'contact-info', ...(str(info.name) ? { name: str(info.name)! } : {}), ...(str(info.phone) ? { phone: str(info.phone)! } : {}), ...(address ? { address } : {}) };
}

function neutral(botId: string, user: string, timestamp: string, body: EventBody): InboundEvent {
  const ms = Number(timestamp);
  return { channel: 'zalo-oa', botId, chatId: user, userId: user, at: Number.isFinite(ms) && ms > 0 ? new Date(ms) : new Date(), body };
}
