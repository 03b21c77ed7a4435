import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/faq/loader.js';
import { createMatcher } from '../../src/faq/matcher.js';

describe('out-of-scope questions', async () => {
  const matcher = createMatcher(await loadKnowledgeBase());

  it.each([
    'giá vàng hôm nay', 'bóng đá', 'thời tiết mai', 'cách nấu phở', 'tuyển dụng', 'gia vang sjc',
    'lịch chiếu phim', 'xin chào', 'alo', 'ok', 'cảm ơn bạn nhiều', 'tỷ giá đô la', 'bạn tên gì',
    'đăng ký kết hôn cần giấy tờ gì', 'đăng ký xe máy ở đâu', 'làm hộ chiếu đi nước ngoài ở đâu',
    'tiêm phòng dại cho chó ở đâu', 'vắc xin cúm giá bao nhiêu', 'đau răng uống thuốc gì',
    // paperwork sharing a domain word ("xác nhận", "sức khỏe", "đăng ký"), and injections that are not vaccination
    'giay xac nhan cu tru xin o dau', 'Khám sức khỏe xin việc ở đâu?', 'cach dang ky tai khoan zalo',
    'Tiêm tĩnh mạch ở trạm y tế có được không?', 'Lịch tiêm chủng mở rộng tháng này cho trẻ', 'Đăng ký tạm trú cần giấy tờ gì?',
  ])('"%s" gets no vaccination answer', (q) => {
    const r = matcher.match(q);
    expect(r.decision).not.toBe('answer');
    expect(r.id).toBeNull();
    expect(r.answer).toBeUndefined();
  });

  it('says "unknown" without offering vaccination topics for everyday questions', () => {
    for (const q of ['giá vàng hôm nay', 'bóng đá tối nay', 'cách nấu phở bò']) {
      const r = matcher.match(q);
      expect(r.decision, q).toBe('unknown');
      expect(r.top, q).toEqual([]);
    }
  });

  it('handles empty and punctuation-only input', () => {
    for (const q of ['', '   ', '???', '...!!!']) expect(matcher.match(q).decision).toBe('unknown');
  });
});
