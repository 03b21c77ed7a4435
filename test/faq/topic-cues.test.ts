import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/faq/loader.js';
import { createMatcher } from '../../src/faq/matcher.js';
import { syllables } from '../../src/faq/normalize.js';
import { fitsCues, readCues } from '../../src/faq/topic-cues.js';

/**
 * A topic's `requires` / `excludes` words: a topic that shares only the frame of a question
 * ("khi nào tiêm mũi 2") must not answer it when the question names something else.
 */
describe('topic cues', async () => {
  const kb = await loadKnowledgeBase();
  const cues = readCues(kb);
  const matcher = createMatcher(kb);

  it('every example and title of a topic fits its own cues', () => {
    const unfit = kb.topics.flatMap((t) => [...t.examples, t.title].filter((e) => !fitsCues(cues.get(t.id), syllables(e))).map((e) => `${t.id}: ${e}`));
    expect(unfit).toEqual([]);
  });

  it('a defining word the resident declines ("không cần cài ứng dụng") neither defines nor excludes a topic', () => {
    const q = syllables('đăng ký tiêm qua mạng mà không cần cài ứng dụng');
    expect(fitsCues(cues.get('register-app'), q)).toBe(false);
    expect(fitsCues(cues.get('register-portal'), q)).toBe(true);
    expect(fitsCues(cues.get('register-app'), syllables('đăng ký tiêm trên ứng dụng'))).toBe(true);
  });

  it('some topics define themselves by cues (the mechanism is in use)', () => {
    expect(kb.topics.filter((t) => t.requires.length > 0 || t.excludes.length > 0).length).toBeGreaterThan(3);
  });

  it.each([
    // had-covid shares "khi nào ... tiêm mũi 2" but is about having had COVID-19
    ['Khi nào trẻ em được tiêm mũi 2?', 'had-covid'],
    // residents scanning at a café are not venue owners creating a code
    ['quét mã ở quán cà phê thì làm răng', 'qr-venue-create'],
    // a wrong certificate is certificate-errors, not the plain certificate answer
    ['giấy chứng nhận thiếu mũi thì làm sao', 'certificate'],
    // a family member being F1 is a close-contact question, not registering for relatives
    ['Gia đình có người là F1 thì tôi cần làm gì?', 'register-for-others'],
    // the time of a child's second dose is not a missed appointment
    ['Khi nào trẻ em được tiêm mũi 2?', 'missed-appointment'],
    // after the injection is not before it; eating after a shot is not the dose interval
    ['tiem xong co duoc uong ruou bia khong', 'before-vaccination'],
    ['tiem pfizer xong dc an j', 'dose-interval'],
    // without an ID card is its own topic, not the list of papers
    ['khong co cmnd thi di tiem dc ko', 'register-documents'],
    // after registering, a missing message is about the appointment, not the sign-up code
    ['răng tui đăng ký rồi mà chưa thấy tin nhắn', 'otp-not-received'],
    // going back to work after the shot is not the interval between doses; a mask is not a paper
    ['tiem xong bao lau thi duoc di lam', 'dose-interval'],
    ['di tiem co can deo khau trang khong', 'register-documents'],
    // asking which vaccine is not asking where, even with a place in the question
    ['o xa minh dang tiem vac xin gi', 'where-to-vaccinate'],
    // who may see the history is a privacy question
    ['ai coi dc lich su check in cua e', 'checkin-history'],
    ['tiem o benh vien tu co mat phi khong', 'where-to-vaccinate'],
    ['mat giay hen tiem thi co sao khong', 'register-no-id-or-phone'],
    ['mat giay hen tiem thi co sao khong', 'certificate'],
    // "được chưa" asks whether it is time yet: not where, not mixing, not a faulty record
    ['bh tiem m2 dc chua ad', 'where-to-vaccinate'],
    ['bh tiem m2 dc chua ad', 'mixing-vaccines'],
    ['bh tiem m2 dc chua ad', 'certificate-errors'],
    ['nguoi tren 65 tuoi co phai tiem mui 4 khong', 'age-eligibility'],
    ['khi nao thi can goi cap cuu khi bi covid', 'hotline'],
    // an age with registering is eligibility; a missing code is the OTP topic; a missing appointment message is the status
    ['e 15t dk tiem dc chua', 'register-portal'],
    ['e 15t dk tiem dc chua', 'register-for-others'],
    ['dk tiem ma otp ko ve', 'register-portal'],
    ['k nhan dc tin nhan lich tiem', 'otp-not-received'],
    // a contact of a case asking about a dose is the close-contact topic
    ['f1 co dc di tiem ko', 'before-vaccination'],
    ['e la f1 dc tiem m3 ko', 'booster'],
    ['toi la f1 thi bao lau moi duoc tiem', 'dose-interval'],
  ])('"%s" is never answered with %s', (q, wrongId) => {
    const m = matcher.match(q);
    expect(m.top.length === 0 || m.top[0]!.id !== wrongId).toBe(true);
    expect(m.decision === 'answer' && m.id === wrongId).toBe(false);
  });

  it('a topic defined by two things needs a word of each group ("requires" and "requires_also")', () => {
    const pregnancy = cues.get('pregnancy');
    expect(pregnancy?.requiresAlso?.length ?? 0).toBeGreaterThan(0);
    expect(fitsCues(pregnancy, syllables('đang có bầu tiêm được không'))).toBe(true);
    expect(fitsCues(pregnancy, syllables('mẹ tôi 92 tuổi có nên đi tiêm'))).toBe(false);
    expect(fitsCues(pregnancy, syllables('bầu bí ăn gì cho con thông minh'))).toBe(false);
    expect(fitsCues({ requires: [' tiem '], requiresAlso: [' thai '], excludes: [] }, ['tiem', 'thai'])).toBe(true);
    expect(fitsCues({ requires: [' tiem '], requiresAlso: [' thai '], excludes: [] }, ['tiem'])).toBe(false);
  });

  it('a question without an ID card gets the no-ID answer', () => {
    expect(matcher.match('khong co cmnd thi di tiem dc ko').id).toBe('register-no-id-or-phone');
  });

  it('a café scan question is answered with how to scan', () => {
    expect(matcher.match('quét mã ở quán cà phê thì làm sao').id).toBe('qr-scan-how');
  });

  it('answers only when the question names one of the best topic\'s defining words', () => {
    const r = matcher.match('vợ em đang mang thai');
    expect(r.decision).not.toBe('answer');
    expect(matcher.match('vợ em đang mang thai có tiêm được không').id).toBe('pregnancy');
  });
});
