import { standardWords } from '../language/standardize.js';

/**
 * Messages that are only politeness: greetings ("alo", "chào ad"), thanks ("tks", "cảm ơn nhiều"),
 * acknowledgements ("ok", "dạ", "ừ"), goodbyes, laughter and emoji. They deserve a short friendly
 * answer and the menu, never "Xin lỗi, tôi chưa có thông tin" from the FAQ. A message is small talk
 * only when every word in it is one of these (so "alo cho hỏi tiêm ở đâu" is a question).
 */
export type SmallTalk = 'greeting' | 'thanks' | 'ack' | 'bye' | 'emoji';

const GREETING = new Set(['chao', 'alo', 'hello', 'helo', 'hi', 'hey', 'xin']);
const THANKS = new Set(['cam', 'on', 'thanks']);
const ACK = new Set(['ok', 'u', 'da', 'vang', 'roi', 'hieu', 'biet', 'duoc', 'nhan', 'tot', 'hay', 'qua', 'thoi', 'the', 'vay', 'oc']);
// ("đúng" is not here: folded it is "dung", which is also "DỪNG", the reminder opt-out word.)
const BYE = new Set(['tam', 'biet', 'bye', 'bai', 'pp']);
/** Addressing and particles that may surround any of the above ("chào ad nha", "cảm ơn bạn nhiều"). */
const AROUND = new Set([
  'a', 'ad', 'admin', 'ban', 'bot', 'oi', 'nha', 'nhe', 'nhieu', 'lam', 'em', 'anh', 'chi', 'co', 'chu', 'bac', 'toi', 'minh',
  'moi', 'nguoi', 'tro', 'ly', 'nhi', 'ne', 'he', 'luon', 'ha', 'rat', 'nhe', 'vui', 've', 'chuc', 'ngay', 'tot', 'lanh', 'buoi', 'sang', 'trua', 'chieu', 'you',
]);

export function smallTalk(text: string): SmallTalk | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  // Emoji, stickers' alt text and punctuation only ("👍", "❤️", ":)", "...").
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return /[\p{Extended_Pictographic}:;)(]/u.test(trimmed) ? 'emoji' : null;
  const words = standardWords(trimmed);
  if (words.length === 0) return 'emoji'; // only laughter ("hihi", "haha")
  if (words.length > 8) return null;
  const known = (w: string) => GREETING.has(w) || THANKS.has(w) || ACK.has(w) || BYE.has(w) || AROUND.has(w);
  if (!words.every(known)) return null;
  const has = (set: ReadonlySet<string>, ...need: string[]) => need.every((w) => words.includes(w)) && words.some((w) => set.has(w));
  if (has(THANKS, 'cam', 'on') || words.includes('thanks')) return 'thanks';
  if (has(BYE, 'tam', 'biet') || words.some((w) => ['bye', 'bai', 'pp'].includes(w))) return 'bye';
  if (words.some((w) => GREETING.has(w) && w !== 'xin')) return 'greeting';
  if (words.some((w) => ACK.has(w))) return 'ack';
  return words.every((w) => AROUND.has(w)) && words.some((w) => ['ad', 'admin', 'bot', 'oi'].includes(w)) ? 'greeting' : null;
}
