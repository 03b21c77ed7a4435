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
    'giay xac nhan cu tru xin o dau', 'làm thẻ BHYT cho con cần giấy gì', 'Khám sức khỏe xin việc ở đâu?', 'cach dang ky tai khoan zalo',
    'Tiêm tĩnh mạch ở trạm y tế có được không?', 'Lịch tiêm chủng mở rộng tháng này cho trẻ', 'Đăng ký tạm trú cần giấy tờ gì?',
    // animals named with their marks ("chó" is not "cho"), childhood combination vaccines, other papers and payments
    'tiêm ngừa cho chó con mấy tháng', 'Đàn gà bị cúm thì có cần tiêm vắc xin không?', 'tiem vacxin cho heo o dau',
    'cho con tiem vacxin 5 trong 1 o dau', 'lich tiem chung cho tre so sinh', 'the bhyt het han gia han o dau',
    'dk bhyt cho con', 'xin giay chung nhan doc than', 'quet ma qr chuyen tien', 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất',
    // other illnesses and care: a fever alone is not a COVID-19 question, nor a rabies shot, a blood test or opening hours
    'bé bị sốt 38 độ có sao không', 'vắc xin dại tiêm mấy mũi', 'tiêm insulin cho người tiểu đường', 'xet nghiem mau o dau',
    'dang ky kham benh online', 'tram y te xa mo cua may gio',
    // a shop ("tiem vang"), data that is not "liều", dogs without marks, utilities, schools and other officials
    'tiem vang gan day o dau', 'khoi phuc du lieu dien thoai', 'giay chung nhan tiem phong cho cho', 'dang ky nuoc may o dau',
    'dk dien 3 pha can giay to j', 'uu tien vao lop 10', 'can bo dia chinh xa o dau', 'tang cuong mien dich an gi',
    // a one-time code from a bank is not the registration OTP
    'ma otp ngan hang ko ve',
    // unmarked words with another reading ("mũi xe", "tiệm") next to another subject
    'mui xe may bi hu sua o dau', 'tiem nail gan day mo may gio',
    // a pregnancy or a public measure without vaccination is not a topic's defining subject
    'bau bi an gi cho con thong minh', 'cach ly xa hoi la gi', 'otp zalo ko ve',
    // "f1" without a neighbour that makes it a contact of a case, and little else known
    'f1 bong da la gi', 'giay xac nhan tam tru lam o dau', 'quet ma qr vietcombank ko dc',
    // the assistant's own words (QR, quét) next to another service's procedure: that service's code
    'quet ma qr ket ban zalo',
    // an illness with no shot named is not a question about who may be vaccinated
    'cho e bi sot an ko dc',
    // "mặc áo" is wearing, not "mắc" (catching) anything; "cách ly xã hội" typed with marks
    'mac ao gi di phong van', 'mặc áo gì đi phỏng vấn', 'Cách ly xã hội là gì',
    // replacing a lost insurance card is not the papers for vaccination
    'Làm lại thẻ bảo hiểm y tế bị mất',
    // another service's hotline
    'so hotline zalo',
    // another office's phone number (the hotline topic needs a health word), "nhiệm vụ" is not "nhiễm"
    'Số điện thoại trạm cấp nước', 'nhiem vu hoc sinh lop 5',
    // an income certificate, a hair salon ("tiệm gội đầu")
    'lam giay xac nhan thu nhap', 'tiem goi dau gan day',
  ])('"%s" gets no vaccination answer', (q) => {
    const r = matcher.match(q);
    expect(r.decision).not.toBe('answer');
    expect(r.id).toBeNull();
    expect(r.answer).toBeUndefined();
  });

  it('answers a question about the assistant itself that names no vaccination word when one topic explains it', () => {
    const r = matcher.match('bạn có lưu số điện thoại của mình không');
    expect(r.decision).toBe('answer');
    expect(r.id).toBe('bot-data-privacy');
  });

  it('says "unknown" without offering vaccination topics for everyday questions', () => {
    for (const q of ['giá vàng hôm nay', 'bóng đá tối nay', 'cách nấu phở bò']) {
      const r = matcher.match(q);
      expect(r.decision, q).toBe('unknown');
      expect(r.top, q).toEqual([]);
    }
  });

  it('does not answer when the best topic explains none of the question\'s domain words', () => {
    // "thẻ bhyt" names a domain word, but the topic ranked first (OTP codes) only shares "hết hạn"
    const r = matcher.explain('the bhyt het han gia han o dau');
    expect(r.result.decision).not.toBe('answer');
    const f1 = matcher.explain('Gia đình có người là F1 thì tôi cần làm gì?');
    expect(f1.result.id === null || f1.result.id === 'close-contact').toBe(true);
  });

  it('handles empty and punctuation-only input', () => {
    for (const q of ['', '   ', '???', '...!!!']) expect(matcher.match(q).decision).toBe('unknown');
  });
});
