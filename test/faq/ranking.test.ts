import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/faq/loader.js';
import { createMatcher } from '../../src/faq/matcher.js';
import { unresolvedAmbiguous } from '../../src/faq/ambiguity.js';
import { asksTwoQuestions } from '../../src/faq/evidence.js';
import { syllables } from '../../src/faq/normalize.js';

describe('ranking', async () => {
  const matcher = createMatcher(await loadKnowledgeBase());
  const top = (q: string) => matcher.match(q).top[0]?.id;

  it('finds the topic with or without diacritics and abbreviations', () => {
    for (const q of ['đăng ký tiêm trên trang web thế nào', 'dang ky tiem tren trang web the nao', 'dk tiem tren web ntn']) {
      expect(top(q), q).toBe('register-portal');
    }
  });

  it('ranks by syllable pairs, not loose syllables: "có thai" is pregnancy, "chứng nhận" is the certificate', () => {
    expect(top('đang có thai tiêm được không')).toBe('pregnancy');
    expect(top('lấy giấy chứng nhận đã tiêm ở đâu')).toBe('certificate');
  });

  it('reads insulin or giving blood next to "vắc xin" as the context of a vaccine question, alone as another procedure', () => {
    expect(matcher.match('Tôi bị tiểu đường type 2, đang tiêm insulin thì tiêm vắc xin được không?').id).toBe('contraindications');
    expect(matcher.match('Tiêm vắc xin xong có được hiến máu không?').id).toBe('after-vaccination');
    expect(matcher.match('tiêm insulin bao nhiêu đơn vị').decision).not.toBe('answer');
    expect(matcher.match('đi hiến máu cần mang gì').decision).not.toBe('answer');
  });

  it('reads "cho cán bộ" as the official, not a folded dog bite, while a marked "chó" stays an animal', () => {
    expect(matcher.match('Trợ lý chuyển câu hỏi của tôi cho cán bộ được không?').id).toBe('talk-to-official');
    expect(matcher.match('tiêm ngừa cho chó con mấy tháng').decision).not.toBe('answer');
  });

  it('reads an eye check-up as another counter of the health station, not papers for the shot', () => {
    expect(matcher.match('mạ tui đi khám mắt ở bệnh viện tỉnh, có cần mang thẻ bảo hiểm không').decision).not.toBe('answer');
  });

  it('repairs typos that cannot be Vietnamese syllables', () => {
    expect(top('ko nhan dc ma otp')).toBe('otp-not-received');
    expect(top('dnag ky tiem chugn o dau')).toBe(top('đăng ký tiêm chủng ở đâu'));
    expect(top('tieems mui 3 khi naof')).toBe('booster');
  });

  it('reads a commune name after "ở" as a place, not as unknown words, and only in a vaccination question', () => {
    expect(matcher.match('tiem o pho minh duoc khong').id).toBe('where-to-vaccinate');
    expect(matcher.match('tui ở Đức Phổ chừ chích ở Bình Sơn đặng không').id).toBe('where-to-vaccinate');
    expect(matcher.match('gia vang o binh son').decision).toBe('unknown');
    expect(matcher.match('tiêm ở spa có được không').decision).not.toBe('answer');
  });

  it('reads doses named in words as numbered doses and "nhận được mã" as a code question', () => {
    expect(matcher.match('Mũi đầu tiêm Verocell, mũi sau tiêm Pfizer có được không?').top[0]?.id).not.toBe('after-vaccination');
    expect(matcher.match('mũi đầu tiên tiêm astra, mũi thứ hai tiêm pfizer được không').id).toBe('mixing-vaccines');
    expect(matcher.match('điện thoại tui hông nhận được mã chi hết').id).toBe('otp-not-received');
  });

  it('reads "free" as free of charge', () => {
    expect(matcher.match('tiem covid co free hok').id).toBe('vaccine-cost');
  });

  it('answers a one-word question when the word belongs to one topic', () => {
    expect(matcher.match('otp').id).toBe('otp-not-received');
    expect(matcher.match('hotline').id).toBe('hotline');
  });

  it('separates neighbouring topics', () => {
    expect(matcher.match('mũi 1 astra mũi 2 pfizer được không').id).toBe('mixing-vaccines');
    expect(matcher.match('mũi 2 pfizer cách mũi 1 mấy tuần').top[0]?.id).toBe('dose-interval');
    expect(matcher.match('tiêm xong bị sốt có sao không').id).toBe('after-vaccination');
    expect(matcher.match('trước khi tiêm có cần nhịn ăn không').id).toBe('before-vaccination');
    expect(matcher.match('ai không được tiêm vắc xin').id).toBe('contraindications');
  });

  it('answers with the topic text and its source', () => {
    const r = matcher.match('tiêm vắc xin covid có mất tiền không');
    expect(r.decision).toBe('answer');
    expect(r.id).toBe('vaccine-cost');
    expect(r.answer?.text).toMatch(/miễn phí/);
    expect(r.answer?.sourceUrl).toMatch(/^https:\/\//);
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThanOrEqual(1);
  });

  it('offers up to three choices when two topics tie', () => {
    const r = matcher.match('chứng nhận');
    expect(['suggest', 'answer']).toContain(r.decision);
    expect(r.top.length).toBeLessThanOrEqual(3);
    expect(r.top.map((t) => t.id)).toContain('certificate');
  });

  it('matches a long multi-sentence question', () => {
    const q =
      'Chào anh chị. Mẹ tôi năm nay 68 tuổi, bị tiểu đường và cao huyết áp đã lâu, uống thuốc đều. ' +
      'Bà có tiêm vắc xin được không hay phải hoãn ạ?';
    expect(top(q)).toBe('contraindications');
  });

  it('tells a message asking two things from one question with "và" in it', () => {
    expect(asksTwoQuestions(syllables('di tiem can mang theo gi va an uong the nao'))).toBe(true);
    expect(asksTwoQuestions(syllables('tiêm mũi 3 được không và ở đâu'))).toBe(true);
    expect(asksTwoQuestions(syllables('bị tiểu đường và cao huyết áp có tiêm được không'))).toBe(false);
    expect(asksTwoQuestions(syllables('mũi 1 và mũi 2 cách nhau bao lâu'))).toBe(false);
  });

  it('offers choices, not one answer, when a message asks two things that one topic explains only in part', () => {
    const r = matcher.match('di tiem can mang theo gi va an uong the nao');
    expect(r.decision).toBe('suggest');
    expect(r.top.map((t) => t.id)).toEqual(expect.arrayContaining(['register-documents', 'before-vaccination']));
  });

  it('answers two questions about one subject: a part naming no domain word follows a clear subject', () => {
    const q = 'Tôi đang mang thai ở tuần thứ 20, xin hỏi phụ nữ mang thai có nên tiêm vắc xin không và cần lưu ý những gì?';
    expect(asksTwoQuestions(syllables(q))).toBe(true);
    expect(matcher.match(q).id).toBe('pregnancy');
    expect(matcher.match('Tôi từng bị sốc phản vệ sau khi tiêm một loại kháng sinh, xin hỏi tôi có được tiêm vắc xin phòng COVID-19 không và cần lưu ý gì?').id).toBe('contraindications');
    // the second part points to its own topic, the close runner-up: still choices
    expect(matcher.match('di tiem can mang theo gi va an uong the nao').decision).toBe('suggest');
  });

  it('reads a COVID-19 variant as naming COVID-19, so telling it from the flu is no other disease', () => {
    expect(matcher.explain('triệu chứng khi nhiễm Omicron khác cảm cúm thế nào').evidence.otherDisease).toBe(false);
    expect(matcher.explain('tiêm phòng cúm cho người già ở đâu').evidence.otherDisease).toBe(true);
  });

  it('reads registering early as the registration status, a missed booster as a missed appointment', () => {
    expect(matcher.match('Xin hỏi đăng ký tiêm trước thì có được ưu tiên tiêm trước so với người đăng ký sau hay không?').id).not.toBe('priority-groups');
    expect(matcher.match('Xin hỏi người mất toàn bộ giấy tờ tùy thân do nhà bị cháy thì làm thế nào để được đăng ký tiêm chủng?').id).not.toBe('register-documents');
    expect(matcher.match('Tiêm mũi nhắc lại có cần đăng ký lại từ đầu không?').id).toBe('booster');
  });

  it('reads having the flu as an illness, the flu vaccine as another vaccine', () => {
    expect(matcher.explain('Xin hỏi người đang bị cảm cúm nhẹ, sổ mũi thì có nên đi tiêm theo lịch không?').evidence.otherDisease).toBe(false);
    expect(matcher.match('tiêm vắc xin cảm cúm cho người già ở đâu').decision).not.toBe('answer');
    expect(matcher.match('ad oi e mun tiem trang da thi o dau').decision).not.toBe('answer');
  });

  it('lets the neighbours decide what an unmarked ambiguous word means', () => {
    const unresolved = (q: string) => [...unresolvedAmbiguous(syllables(q), true)];
    expect(unresolved('di tiem can mang gi')).toEqual([]);
    expect(unresolved('tiem mui 2 khi nao')).toEqual([]);
    expect(unresolved('mui xe may bi hu')).toEqual(['mui']);
    expect(unresolved('cho toi hoi ve tiem')).toEqual(['tiem']);
    expect(unresolved('toi la f1 thi sao')).toEqual([]);
    expect(unresolved('f1 bong da')).toEqual(['f1']);
    // a message with marks says which reading it is
    expect([...unresolvedAmbiguous(syllables('mũi xe máy bị hư'), false)]).toEqual([]);
  });

  it('does not answer a shop question with a vaccination topic through an unmarked "tiem"', () => {
    const r = matcher.match('ma qr cua tiem toi bi mat xin lai o dau');
    expect(r.decision === 'answer' && r.id !== 'qr-venue-create').toBe(false);
  });

  it('keeps the vaccination reading when another unsure word ("xa hoi" = xã hỏi) is near', () => {
    expect(matcher.match('muon gap cb xa hoi ve tiem').top[0]?.id).toBe('talk-to-official');
    expect(top('hoc sinh cap 2 tiem o dau')).toBe('children-vaccination');
  });

  it('reads registering "for" a relative as registering on their behalf, and a rented room as tạm trú', () => {
    const r = matcher.match('dk tiem cho ong ntn');
    expect(r.top[0]?.id).toBe('register-for-others');
    expect(r.decision === 'answer' && r.id !== 'register-for-others').toBe(false);
    expect(syllables('e o tro tiem dc o day ko')).toContain('tam');
  });

  it('reads a fee word as a cost question, a time before the shot as preparation, a cough as a reason to wait', () => {
    expect(matcher.match('tiem o tram y te co thu tien khong').id).toBe('vaccine-cost');
    expect(matcher.match('truoc hom tiem co duoc thuc khuya khong').id).toBe('before-vaccination');
    expect(matcher.match('toi bi ho nhe co di tiem duoc khong').id).toBe('contraindications');
    expect(matcher.match('muon biet hom qua minh da check in nhung cho nao').id).toBe('checkin-history');
    // an electronic certificate with no error named is the certificate itself
    expect(matcher.match('chung nhan tiem chung dien tu xem tren app nao').id).toBe('certificate');
  });

  it('reads "tiêm rồi" as after the shot, "khỏi covid" as having had it, "giấy cn" as a certificate, "gửi lại mã" as the code', () => {
    expect(matcher.match('tiem r bao lau dc uong ruou bia').id).toBe('after-vaccination');
    expect(matcher.match('benh covid khoi duoc 3 thang roi tiem mui 2 duoc chua').id).toBe('had-covid');
    expect(matcher.match('lay giay cn tiem o tram yte dc ko').id).toBe('certificate');
    expect(matcher.match('cn cty co dc uu tien ko').id).toBe('priority-groups');
    expect(matcher.match('bam gui lai ma may lan roi van khong thay tin nhan').id).toBe('otp-not-received');
    expect(matcher.match('di tiem thi nen mac ao gi').id).toBe('before-vaccination');
  });

  it('in a message with marks, "xã hỏi" (the commune asks) is not "xã hội"', () => {
    expect(matcher.match('tui muốn gặp cán bộ xã hỏi chút').id).toBe('talk-to-official');
  });

  it('reads "ôn" as a grandfather, "đăng ký hộ" + a person as on their behalf, the app as the app', () => {
    expect(matcher.match('ôn nội tui 86 tuổi, ổng có chích được không').id).toBe('age-eligibility');
    expect(matcher.match('tui đăng ký chích cho ôn với mệ được không').id).toBe('register-for-others');
    expect(matcher.match('dk ho ng than dc ko').id).toBe('register-for-others');
    expect(matcher.match('dang ky ho khau o dau').decision).not.toBe('answer');
    expect(matcher.match('đăng ký chích trên sổ sức khỏe điện tử làm răng').id).toBe('register-app');
    expect(matcher.match('mai tiem nay an j').id).toBe('before-vaccination');
  });

  it('living with someone who tested positive is being a contact, not having symptoms', () => {
    expect(matcher.match('thằng em tui dương tính, tui ở chung nhà thì làm răng').id).toBe('close-contact');
  });

  it('a fee word makes a dose question a cost one, unless it is the cost of calling the hotline', () => {
    expect(matcher.match('Tiêm mũi nhắc lại có phải đóng phí không?').id).toBe('vaccine-cost');
    expect(matcher.match('goi 19009095 co mat tien ko').id).toBe('hotline');
  });

  it('knows runny noses, caesareans, a home visit for the bedridden, a green pass that stays yellow, past visits', () => {
    expect(matcher.match('chay nuoc mui hat hoi co phai covid khong').id).toBe('covid-symptoms');
    expect(matcher.match('mới sanh mổ xong chích được hông').id).toBe('pregnancy');
    expect(matcher.match('ba toi 80 tuoi nam mot cho, co ai den nha tiem khong').id).toBe('where-to-vaccinate');
    expect(matcher.match('sao tiem r ma pc covid chua xanh').id).toBe('certificate-errors');
    expect(matcher.match('chích rồi mà chừ chưa thấy lên app, răng rứa').id).toBe('certificate-errors');
    expect(matcher.match('minh muon biet thang truoc da vao nhung dia diem nao').id).toBe('checkin-history');
  });

  it('"cho em hỏi" is not "chờ" (waiting for an appointment)', () => {
    expect(matcher.match('a oi cho e hoi tiem xg bao lau thi het met').id).toBe('after-vaccination');
  });

  it('where to get a dose is where-to-vaccinate, a message missing after registering is the status', () => {
    expect(matcher.match('Tiêm mũi 3 ở đâu?').id).toBe('where-to-vaccinate');
    expect(matcher.match('Đăng ký tiêm rồi sao không có tin nhắn?').id).toBe('register-status');
    expect(matcher.match('vua bi covid xong co can tiem mui nhac khong').id).toBe('had-covid');
  });

  it('reads "tk", "dv", "giấy cn tiêm", "nhóm ưu tiên", homelessness and a guardian', () => {
    expect(syllables('tao tk')).toEqual(['tao', 'tai', 'khoan']);
    expect(matcher.match('pc covid co can tao tk ko').id).toBe('pc-covid-install');
    expect(matcher.match('tiem dv mat bn tien').id).toBe('vaccine-cost');
    expect(matcher.match('giay cn tiem co can cong chung ko').id).toBe('certificate');
    expect(matcher.match('cong an co thuoc nhom uu tien khong').id).toBe('priority-groups');
    expect(matcher.match('người không nhà cửa có được chích không').id).toBe('register-no-id-or-phone');
    expect(matcher.match('17t di tiem co can bme di cung ko').id).toBe('children-vaccination');
  });

  it('knows strokes, Omicron as having had COVID, lost papers, an international certificate, a vaccine by its country', () => {
    expect(matcher.match('Bà ngoại tôi bị đột quỵ có tiêm được không?').id).toBe('contraindications');
    expect(matcher.match('sau khi bi omicron bn lau thi tiem m4').id).toBe('had-covid');
    expect(matcher.match('mat het giay to do lu thi di tiem sao').id).toBe('register-no-id-or-phone');
    expect(matcher.match('cn tiem chung quoc te lm o dau').id).toBe('certificate');
    expect(matcher.match('Vắc xin COVID-19 của Cuba tên là gì?').id).toBe('vaccine-types');
    expect(matcher.match('vao quan an co bat buoc quet ma ko').id).toBe('qr-scan-how');
  });

  it('water to bring is preparation, a pregnancy beats a dose number, a case in the class is close contact', () => {
    expect(matcher.match('di tiem co can mang nuoc ko').id).toBe('before-vaccination');
    expect(matcher.match('co thai 2 thang tiem m3 dc ko').id).toBe('pregnancy');
    expect(matcher.match('Lớp con tôi có F0, con tôi có phải nghỉ học không?').id).toBe('close-contact');
    expect(matcher.match('nguoi khuyet tat co duoc tiem truoc khong').id).toBe('priority-groups');
    expect(matcher.match('otp gui ve sdt cu thi sao').id).toBe('otp-not-received');
    expect(matcher.match('bao nghi nhiem covid goi so nao').id).toBe('hotline');
  });

  it('when the certificate comes is the certificate, not the interval; bronchial asthma and exercise are known', () => {
    expect(matcher.match('tiem m2 xg bn lau co chung nhan').id).not.toBe('dose-interval');
    expect(matcher.match('e bi hen phe quan tiem dc ko').id).toBe('contraindications');
    expect(matcher.match('tiem xg bn ngay thi dc tap the duc').id).toBe('after-vaccination');
  });
});
