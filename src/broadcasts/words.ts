import { fold } from '../domain/fold.js';

/** Words that withdraw announcements (and reminders), with or without diacritics. */
const STOP = new Set(['dung', 'stop', 'huy', 'dung nhan', 'dung thong bao', 'huy thong bao', 'dung nhac', 'dung nhac lich', 'huy nhac lich', 'unsubscribe']);
/** Words that give them back. */
const RESUME = new Set(['bat dau', 'start', 'bat dau nhan', 'nhan thong bao', 'bat dau nhac', 'nhac lai lich']);
/** Words that change or clear the commune a person receives announcements for. */
const CHANGE_COMMUNE = new Set(['doi xa', 'doi phuong', 'doi xa phuong', 'doi noi o', 'xa cua toi', 'doi dia ban']);

export type ConsentWord = 'stop' | 'resume' | 'change-commune' | null;

/** What a short message means for consent ("DỪNG", "dung", "HỦY", "STOP", "BẮT ĐẦU", "đổi xã"...). */
export function consentWord(text: string): ConsentWord {
  const f = fold(text).replace(/[.!?]+$/, '').trim();
  if (STOP.has(f)) return 'stop';
  if (RESUME.has(f)) return 'resume';
  if (CHANGE_COMMUNE.has(f)) return 'change-commune';
  return null;
}
