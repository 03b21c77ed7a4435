import { standardWords } from './standardize.js';

/**
 * Yes and no as residents type them at a confirmation: "đúng rồi", "dung", "ừ", "ok luôn",
 * "chuẩn", "đồng ý"; "ko", "không có", "chưa", "sai rồi". Read through the shared speech reader,
 * so teencode and dialect ("hông", "đặng") count too. Particles around them are ignored.
 */
const PARTICLES = new Set(['a', 'nha', 'nhe', 'nhi', 'roi', 'luon', 'di', 'ne', 'vay', 'ad', 'ban', 'oi', 'em', 'anh', 'chi', 'toi', 'minh', 'the', 'do', 'nay', 'ca']);
const YES = new Set([
  'co', 'dung', 'ok', 'u', 'da', 'vang', 'dong y', 'xac nhan', 'chuan', 'chinh xac', 'duoc', 'phai', 'yes', 'y', 'gui', 'luu',
  'dong y gui dang ky', 'dong y gui dang ki', 'xac nhan gui', 'chuan roi', 'ok dung', 'u dung', 'da dung', 'vang dung', 'dung het', 'khong sai',
]);
const NO = new Set(['khong', 'khong co', 'chua', 'chua co', 'khong phai', 'sai', 'no', 'khong dung', 'khong can', 'thoi', 'bo qua', 'khong co the']);

function core(text: string): string {
  return standardWords(text).filter((w) => !PARTICLES.has(w)).join(' ');
}

export function isYes(text: string): boolean {
  const c = core(text);
  return c !== '' && YES.has(c);
}

export function isNo(text: string): boolean {
  return NO.has(core(text));
}
