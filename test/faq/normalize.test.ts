import { describe, expect, it } from 'vitest';
import { analyze, fold, squeezeLetters, syllables } from '../../src/faq/normalize.js';

describe('fold', () => {
  it('removes diacritics, lower-cases and maps đ to d', () => {
    expect(fold('Đăng Ký Tiêm Chủng')).toBe('dang ky tiem chung');
    expect(fold('ĐƯỜNG DÂY NÓNG')).toBe('duong day nong');
  });

  it('gives the same result for NFC and NFD input', () => {
    const nfc = 'Sổ sức khỏe điện tử'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(fold(nfd)).toBe(fold(nfc));
    expect(syllables(nfd)).toEqual(syllables(nfc));
  });
});

describe('squeezeLetters', () => {
  it('squeezes runs of a repeated letter', () => {
    expect(squeezeLetters('aaaa')).toBe('a');
    expect(squeezeLetters('tiemmm')).toBe('tiem');
    expect(squeezeLetters('khongg')).toBe('khong');
  });

  it('keeps the doubled u and o that folded Vietnamese needs, and digits', () => {
    expect(squeezeLetters('cuu')).toBe('cuu'); // cứu
    expect(squeezeLetters('uu')).toBe('uu'); // ưu
    expect(squeezeLetters('19009095')).toBe('19009095');
  });
});

describe('syllables', () => {
  it('expands the abbreviations residents type', () => {
    expect(syllables('dk tiem o dau')).toEqual(['dang', 'ki', 'tiem', 'o', 'dau']);
    expect(syllables('đk')).toEqual(['dang', 'ki']);
    expect(syllables('ko dc')).toEqual(['khong', 'duoc']);
    expect(syllables('k nhận đc')).toEqual(['khong', 'nhan', 'duoc']);
    expect(syllables('hok')).toEqual(['khong']);
    expect(syllables('tc')).toEqual(['tiem', 'chung']);
    expect(syllables('sđt')).toEqual(['so', 'dien', 'thoai']);
    expect(syllables('khai bao yte')).toEqual(['khai', 'bao', 'y', 'te']);
    expect(syllables('cai tren ip')).toEqual(['cai', 'tren', 'iphone']);
  });

  it('turns long names and their abbreviations into the same single term', () => {
    expect(syllables('sskdt')).toEqual(syllables('Sổ sức khỏe điện tử'));
    expect(syllables('cccd')).toEqual(syllables('căn cước công dân'));
    expect(syllables('cmnd')).toEqual(syllables('chứng minh nhân dân'));
    expect(syllables('bhyt')).toEqual(syllables('bảo hiểm y tế'));
    expect(syllables('vx')).toEqual(syllables('vắc-xin'));
    expect(syllables('vaccine')).toEqual(syllables('vắc xin'));
    expect(syllables('PC-Covid')).toEqual(['pccovid']);
    expect(syllables('gọi 1900-9095')).toEqual(['goi', '19009095']);
  });

  it('maps vaccine brand spellings to one name', () => {
    expect(syllables('astra az astrazeneca')).toEqual(['astrazeneca', 'astrazeneca', 'astrazeneca']);
    expect(syllables('phizer pfizer')).toEqual(['pfizer', 'pfizer']);
    expect(syllables('mordena')).toEqual(['moderna']);
    expect(syllables('vero cell sinopharm')).toEqual(['verocell', 'verocell']);
  });

  it('squeezes stretched letters before looking up abbreviations', () => {
    expect(syllables('ko dc aaaa')).toEqual(['khong', 'duoc', 'a']);
    expect(syllables('kooo')).toEqual(['khong']);
  });

  it('leaves grammar and time words out of the content terms, so they do not count as an unexplained subject', () => {
    expect(analyze('nếu tối qua thức khuya thì sáng mai tiêm được không').unigrams).not.toContain('khuya');
    expect(analyze('kiểu gì cũng phải tiêm à').unigrams).not.toContain('kieu');
    expect(analyze('về quê ăn Tết tiêm được không').unigrams).not.toContain('tet');
  });

  it('leaves the frames of standard written questions out: salutations, "người dân", "thực hiện", "theo quy định"', () => {
    expect(syllables('Kính gửi Trạm Y tế, xin hỏi người dân thực hiện theo quy định hiện hành')).toEqual(['tram', 'y', 'te', 'xin', 'hoi']);
    expect(syllables('đóng bất kỳ khoản phí nào')).toEqual(['dong', 'chi', 'phi', 'nao']);
    expect(syllables('trao đổi trực tiếp với cán bộ')).toEqual(['hoi', 'truc', 'tiep', 'voi', 'can', 'bo']);
    expect(analyze('quấy khóc suốt đêm').unigrams).toEqual(['quay', 'khoc']);
    expect(syllables('Kính thưa quý cơ quan, Ủy ban nhân dân xã')).toEqual(['xa']);
    expect(syllables('mất toàn bộ giấy tờ')).toEqual(['mat', 'giay', 'to']);
    expect(syllables('sớm hơn vài ngày')).toEqual(['som', 'hon', 'may', 'ngay']);
    expect(syllables('Thưa cán bộ, tôi xin trình bày. Trân trọng cảm ơn')).toEqual(['toi']);
    expect(syllables('cụ bà thuê trọ, mũi hai')).toEqual(['nguoi', 'gia', 'tam', 'tru', 'mui', '2']);
    // discourse words that would fold onto topic words: "đối với" is not "đổi", "thắc mắc" not "mắc"
    expect(syllables('tôi có thắc mắc đối với việc bố trí lịch')).toEqual(['toi', 'co', 'viec', 'sap', 'xep', 'lich']);
  });

  it('reads a number right after a person as their age ("mệ tui 90 rồi"), not a number of months or a fever', () => {
    expect(syllables('mệ tui 90 rồi')).toEqual(['ba', 'toi', '90', 'tuoi', 'roi']);
    expect(syllables('ông 85 bị tiểu đường')).toEqual(['ong', '85', 'tuoi', 'bi', 'tieu', 'duong']);
    expect(syllables('con tôi 3 tháng')).toEqual(['con', 'toi', '3', 'thang']);
    expect(syllables('vợ tôi 39 độ')).toEqual(['vo', 'toi', '39', 'do']);
    expect(syllables('tiêm mũi 2 sau 90 ngày')).not.toContain('tuoi');
  });

  it('reads "có quyền" (has the right to) as "được"', () => {
    expect(syllables('ai có quyền xem')).toEqual(['ai', 'duoc', 'xem']);
  });

  it('treats kì/kỳ, lí/lý as the same syllable', () => {
    expect(syllables('đăng kí')).toEqual(syllables('đăng ký'));
  });

  it('splits numbers from words but keeps F0/F1 and SpO2', () => {
    expect(syllables('mũi3')).toEqual(['mui', '3']);
    expect(syllables('F0 khỏi bệnh')).toEqual(['f0', 'khoi', 'benh']);
    expect(syllables('chỉ số SpO2 thấp')).toEqual(['chi', 'so', 'spo2', 'thap']);
  });
});

describe('analyze', () => {
  it('keeps syllable pairs, including pairs with one stop word', () => {
    const a = analyze('tôi đang có bầu có tiêm chủng được không');
    expect(a.bigrams).toContain('co_thai');
    expect(a.bigrams).toContain('tiem_chung');
    expect(a.unigrams).not.toContain('co');
  });

  it('drops pairs of two politeness words or pronouns', () => {
    expect(analyze('cho tôi hỏi').bigrams).toEqual([]);
  });
});
