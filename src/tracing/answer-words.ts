import { fold } from '../domain/fold.js';

/** What a resident's typed words say about an alert they received. */
export type AlertAnswer = 'acknowledged' | 'symptoms';

const POLITE = String.raw`(?:ok|oke|okie|okay|uh|u|vang|da|roi|cam on|cam on ban|cam on can bo|thank you|thanks|a|nhe|nha|ha|nhe ban|ban oi|ad oi)`;
// "đã nhận", "da nhan", "ok đã nhận", "nhận được rồi", "đã nhận được tin, cảm ơn"
const ACK = new RegExp(String.raw`^(?:${POLITE}\s+)*(?:(?:toi|em|minh|chau|con|nha toi)\s+)?(?:da\s+nhan|nhan\s+duoc|nhan\s+roi)(?:\s+(?:duoc|roi|tin|thong bao|canh bao|${POLITE}))*$`);
// "tôi có triệu chứng", "co trieu chung", "con tôi bị sốt, có triệu chứng", "em có triệu chứng ho"
const SYMPTOMS = /(?:^|\s)(?:co|bi)\s+(?:(?:cac|mot so|vai|it)\s+)?trieu chung(?:\s|$)/;
const NEGATED = /(?:khong|chua|ko|k|hong|cha)\s+(?:co|bi|thay)\s+(?:(?:cac|mot so|vai|it)\s+)?trieu chung/;
const QUESTION = /\?|(?:\s|^)(?:gi|sao|nao|khong|ko|chua|the nao|lam sao)$/;

/**
 * Reads a typed answer to an exposure alert, as residents write it (with or without diacritics,
 * a polite word around it). Questions ("có triệu chứng gì?") and denials ("không có triệu chứng")
 * are not answers: they go on to the FAQ.
 */
export function readAlertAnswer(text: string): AlertAnswer | null {
  const f = fold(text).replace(/[.,!;:~…"'()]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!f || f.length > 120) return null;
  if (ACK.test(f)) return 'acknowledged';
  if (SYMPTOMS.test(f) && !NEGATED.test(f) && !QUESTION.test(f)) return 'symptoms';
  return null;
}
