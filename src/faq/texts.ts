import type { MatchResult } from './types.js';

/**
 * What a resident reads for each decision. Natural Vietnamese; the channel layer may render the
 * suggested topics as buttons instead of the numbered list.
 */
export const faqTexts = {
  suggestIntro: 'Tôi chưa chắc bạn hỏi về điều nào. Có phải bạn muốn hỏi:',
  suggestOutro: 'Bạn trả lời bằng số thứ tự, hoặc hỏi lại rõ hơn nhé.',
  unknown:
    'Xin lỗi, tôi chưa có thông tin để trả lời câu hỏi này. Tôi trả lời được các câu hỏi về đăng ký ' +
    'và tiêm vắc xin COVID-19, chứng nhận tiêm, khai báo ra vào bằng mã QR. Bạn có thể nhờ chuyển ' +
    'câu hỏi tới cán bộ xã, phường, hoặc gọi đường dây nóng ngành y tế 1900 9095.',
} as const;

/** The reply text for a match result: the answer, a numbered choice of topics, or "I do not know". */
export function replyText(result: MatchResult): string {
  if (result.decision === 'answer' && result.answer) return result.answer.text;
  if (result.decision === 'suggest' && result.top.length > 0) {
    const lines = result.top.map((t, i) => `${i + 1}. ${t.title}`);
    return [faqTexts.suggestIntro, ...lines, faqTexts.suggestOutro].join('\n');
  }
  return faqTexts.unknown;
}
