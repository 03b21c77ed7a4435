/**
 * How residents of central Vietnam (Quảng Ngãi, Đức Phổ, Bình Sơn) write dialect words in chat
 * ("mô", "răng", "rứa", "mạ", "chừ"...), mapped to standard folded Vietnamese. Most are ambiguous once
 * unmarked, so the context lists below say when each reading applies (see WordRule).
 */
import type { WordRule } from './word-rule.js';

/** Nouns after which "mô" means "nào" (which) rather than "đâu" (where). */
const WHICH_NOUNS = ['khi', 'luc', 'hoi', 'bua', 'hom', 'cai', 'con', 'nguoi', 'ngay', 'thang', 'nam', 'tuan', 'loai', 'mui', 'gio', 'so', 'trang', 'xa', 'phuong', 'thon', 'kieu', 'thu', 'ben', 'dua', 'ong', 'ba', 'chu', 'co'];
/** Words around "răng" when it is the tooth, not "sao". */
const TOOTH_PREV = ['dau', 'nho', 'sau', 'tram', 'ham', 'moc', 'nieng', 'kham', 'chan', 'danh', 'cham', 'e', 'gay', 'lung', 'buot', 'nhuc'];
const TOOTH_NEXT = ['mieng', 'ham', 'sua', 'khon', 'cua', 'nanh', 'sau'];
/** Words around "tê" when it is numbness (after an injection!), not "kia". */
const NUMB = ['bi', 'hoi', 'thay', 'tay', 'chan', 'liet', 'mat', 'buot', 'cung', 'giac', 'moi', 'nguoi', 'dai', 'dau', 'nhuc', 'nhuc'];
/** Pronouns after a kinship word ("mạ tui", "o em"). */
const OWNERS = ['tui', 'toi', 'em', 'e', 'minh', 'mk', 'mik', 'chau', 't', 'con', 'tau', 'tao', 'ut', 'hai', 'ba', 'tu', 'nam', 'sau', 'bay'];
/** Nouns after which "chi" is a name or "chỉ"/"chị", not the dialect "gì". */
const CHI_NOT_NEXT = ['phi', 'tiet', 'dinh', 'dan', 'nhanh', 'tieu', 'tra', 'cuc', 'hoi', 'oi', 'em', 'toi', 'tui', 'minh', 'ay', 'gai', 'dau', 'can', 'co', 'la', 'muon', 'hai', 'ba', 'ut', 'ca'];
const CHI_NOT_PREV = ['chong', 'anh', 'ba', 'thi', 'ten', 'cho', 'hoi', 'goi', 'gap', 'giup'];
/** Words after "tiem" that make it the shot ("tiệm vắc xin" is a slipped tone, "của tiêm mũi 2"). */
const SHOT_WORDS = ['vac', 'vacxin', 'vaccine', 'vx', 'mui', 'm1', 'm2', 'm3', 'm4', 'chung', 'phong', 'ngua', 'covid', 'xong', 'xg', 'duoc', 'dc', 'roi', 'r', 'o', 'cho', 'lai'];

/** The central-Vietnam words, each with the contexts in which it is read as standard Vietnamese. */
export const CENTRAL_WORD_RULES: Readonly<Record<string, readonly WordRule[]>> = {
  // ---- central-Vietnam words
  'mô': [{ to: 'nao', form: 'exact', prev: WHICH_NOUNS }, { to: 'dau', form: 'exact' }],
  mo: [
    { to: 'nao', form: 'bare', prev: WHICH_NOUNS, end: true },
    { to: 'dau', form: 'bare', end: true },
    { to: 'dau', form: 'bare', prev: ['o', 'di', 've', 'den', 'tai', 'cho', 'noi', 'tiem', 'ki', 'lay', 'lam', 'mua', 'xem', 'coi'], notNext: ['app', 'ung', 'cua', 'khoa', 'link', 'ra', 'ma', 'file', 'may', 'zalo', 'camera', 'dien'] },
  ],
  'răng': [{ to: 'rang', form: 'exact', prev: TOOTH_PREV }, { to: 'rang', form: 'exact', next: TOOTH_NEXT }, { to: 'sao', form: 'exact' }],
  rang: [
    { to: 'rang', form: 'bare', prev: TOOTH_PREV },
    { to: 'rang', form: 'bare', next: TOOTH_NEXT },
    { to: 'sao', form: 'bare', end: true },
    { to: 'sao', form: 'bare', prev: ['lam', 'vi', 'ra', 'the', 'thi', 'la', 'chu'] },
    { to: 'sao', form: 'bare', next: ['rua', 'ma', 'khong', 'ko', 'k', 'hong', 'chua', 'roi', 'bay', 'chu', 'lai', 'the', 'ri'] },
  ],
  'rứa': [{ to: 'vay', form: 'exact' }],
  rua: [{ to: 'vay', form: 'bare', end: true, notPrev: ['tay', 'di', 'xe'] }, { to: 'vay', form: 'bare', next: ['thi', 'la', 'ma', 'con'], notPrev: ['tay', 'di'] }],
  ri: [{ to: 'the nay', form: 'bare', prev: ['lam', 'nhu', 'the'] }, { to: 'nay', form: 'bare' }],
  chi: [
    { to: 'gi', form: 'bare', marked: true, notNext: CHI_NOT_NEXT, notPrev: CHI_NOT_PREV },
    { to: 'gi', form: 'bare', end: true, notPrev: CHI_NOT_PREV },
    { to: 'gi', form: 'bare', prev: ['lam', 'cai', 'to', 'loai', 'mang', 'dem', 'vi', 'noi', 'chuan', 'mua'], notNext: CHI_NOT_NEXT },
  ],
  'chừ': [{ to: 'gio', form: 'exact', prev: ['bay', 'gio'] }, { to: 'bay gio', form: 'exact' }],
  chu: [{ to: 'gio', form: 'bare', prev: ['bay'] }, { to: 'bay gio', form: 'bare', next: ['rang', 'sao', 'ri', 'tui', 'lam'] }, { to: 'bay gio', form: 'bare', marked: true, end: true }],
  ni: [{ to: 'nay', form: 'bare' }],
  'nì': [{ to: 'nay', form: 'exact' }],
  'tê': [{ to: 'te', form: 'exact', prev: NUMB }, { to: 'te', form: 'exact', next: NUMB }, { to: 'kia', form: 'exact' }],
  te: [{ to: 'kia', form: 'bare', prev: ['ben', 'bua', 'hom', 'cai', 'nguoi', 'dang', 'phia', 'nha', 'xa', 'ngay', 'tuan', 'thang', 'nam', 'cho', 'o'], notNext: NUMB }],
  'nớ': [{ to: 'do', form: 'exact' }],
  'mạ': [{ to: 'me', form: 'exact' }],
  ma: [
    { to: 'me', form: 'bare', next: OWNERS, prev: ['cho', 'giup', 'ho', 'dum', 'gium', 'voi', 'vs', 'bo', 'ba', 'cua', 'va'] },
    { to: 'me', form: 'bare', next: OWNERS, start: true },
  ],
  'mệ': [{ to: 'ba', form: 'exact' }],
  'bọ': [{ to: 'bo', form: 'exact' }],
  o: [
    { to: 'co', form: 'bare', next: OWNERS },
    { to: 'co', form: 'bare', marked: true, notNext: ['dau', 'mo', 'nha', 'day', 'do', 'xa', 'tram', 'benh', 'tinh', 'huyen', 'thon', 'quan', 'phuong', 'noi', 'cho', 'tren', 'duoi', 'trong', 'ngoai', 'ben', 'tp', 'sai', 'ha', 'da'] },
  ],
  tui: [{ to: 'toi', form: 'any' }],
  // "kêu" is how the centre says "gọi" (call: "chưa ai kêu đi chích"); "kêu ca", "kêu là" are not
  keu: [{ to: 'goi', form: 'any', notNext: ['ca', 'la', 'rang', 'gi', 'chi', 'dau', 'ai'] }],
  // "ghé" (drop in) is "đến"; bare "ghe" is also the fishing boat, so only before a verb particle
  'ghé': [{ to: 'den', form: 'exact' }],
  ghe: [{ to: 'den', form: 'bare', next: ['qua', 'vao', 'tham', 'choi'] }],
  // "ngoài 80" (past eighty) is an age: "trên 80"
  ngoai: [{ to: 'tren', form: 'any', next: ['#num'] }],
  'hông': [{ to: 'khong', form: 'exact' }],
  'hổng': [{ to: 'khong', form: 'exact' }],
  'hôn': [{ to: 'khong', form: 'exact', end: true }],
  'đặng': [{ to: 'duoc', form: 'exact' }],
  'nỏ': [{ to: 'khong', form: 'exact' }],
  bua: [
    { to: 'hom', form: 'any', next: ['ni', 'nay', 'qua', 'te', 'kia', 'truoc', 'sau', 'mo', 'nao', 'ray', 'no', 'do'] },
    // "hôm bữa" (the other day) is "hôm trước"
    { to: 'truoc', form: 'any', prev: ['hom'] },
  ],
  // "thiệt" is how the centre says "thật" (real, really: "người thiệt", "thiệt hông")
  'thiệt': [{ to: 'that', form: 'exact' }],
  // "chớ" (the centre's "chứ") only links a clause
  'chớ': [{ to: 'chu', form: 'exact' }],
  'bữa': [
    { to: 'truoc', form: 'exact', prev: ['hom'] },
    { to: 'hom', form: 'exact', next: ['ni', 'nay', 'qua', 'te', 'kia', 'truoc', 'sau', 'mo', 'nao', 'ray', 'no', 'do', 'hen', 'tiem', 'chich', 'chu', 'thu'] },
    // "mấy bữa", "hai bữa" (a few days): days, not meals
    { to: 'hom', form: 'exact', prev: ['may', 'vai', 'hai', 'ba', 'nhung', 'cac', 'moi', '#num'] },
  ],
  // "ôn" = ông (grandfather) before whose he is or after whom for: "ôn nội tui", "cho ôn với mệ"
  'ôn': [{ to: 'ong', form: 'exact', next: [...OWNERS, 'noi', 'ngoai', 'gia', 'voi', 'va', 'vs'] }, { to: 'ong', form: 'exact', prev: ['cho', 'giup', 'gium', 'dum', 'ho', 'voi', 'va', 'vs', 'cua'] }],
  'chừng': [{ to: 'khi', form: 'exact', next: ['nao', 'mo'] }],
  chung: [{ to: 'khi', form: 'bare', next: ['nao', 'mo'], notPrev: ['tiem', 'loai', 'giay', 'chu', 'cac', 'nhung'] }],
  // "trốc" = đầu (head): "nhức trốc", "đau trốc"
  'trốc': [{ to: 'dau', form: 'exact' }],
  troc: [{ to: 'dau', form: 'bare', prev: ['nhuc', 'dau', 'cai', 'u'] }],
  'bịnh': [{ to: 'benh', form: 'exact' }],
  binh: [{ to: 'benh', form: 'bare', prev: ['bi', 'co', 'mac', 'dang', 'nhieu'], next: ['tieu', 'tim', 'nen', 'gan', 'than', 'phoi', 'hen', 'man', 'gi', 'chi', 'j'] }],
  'vô': [{ to: 'vao', form: 'exact' }],
  // "sanh" = sinh (to give birth, born): "mới sanh", "sanh năm 2015"
  sanh: [{ to: 'sinh', form: 'any' }],
  // "tới" = "đến" (to arrive); folded it would read as "tôi". "tuần tới" (next week) stays.
  'tới': [{ to: 'den', form: 'exact', notPrev: ['tuan', 'thang', 'nam', 'lan', 'dot', 'ki', 'ky', 'sap'] }],
  'ói': [{ to: 'non', form: 'exact' }],
  // "đem" = mang (to bring): "đem theo giấy chi"; unmarked only before what is brought ("dem" is also đêm, night)
  'đem': [{ to: 'mang', form: 'any' }],
  dem: [{ to: 'mang', form: 'bare', next: ['theo', 'gi', 'chi', 'j', 'nhung', 'giay', 'cccd', 'cmnd', 'the', 'so', 'ho', 'di'] }],
  // "rành" = biết (to know well): "không rành công nghệ", "hông rành điện thoại"
  'rành': [{ to: 'biet', form: 'exact' }],
  ranh: [{ to: 'biet', form: 'bare', prev: ['khong', 'ko', 'k', 'kh', 'hong', 'chua', 'it', 'hok', 'ch'] }],
  // "ê ẩm" = đau nhức (aching all over)
  'ê': [{ to: 'dau', form: 'exact', next: ['am'] }],
  'ẩm': [{ to: 'nhuc', form: 'exact', prev: ['e'] }],
  'bít': [{ to: 'biet', form: 'exact' }],
  // "hoài" = "mãi" (on and on): "đợi hoài không thấy mã"
  'hoài': [{ to: 'mai', form: 'exact', notNext: ['niem', 'nghi', 'bao', 'co', 'huong'] }],
  hoai: [{ to: 'mai', form: 'bare', prev: ['doi', 'cho', 'bam', 'gui', 'nhap', 'goi', 'thu', 'lam', 'hoi', 'tim', 'xem', 'coi', 'dang', 'bi', 'met', 'dau', 'ho', 'sot'] }],
  'mần': [{ to: 'lam', form: 'exact' }],
  'chộ': [{ to: 'thay', form: 'exact' }],
  'ưng': [{ to: 'thich', form: 'exact' }],
  eng: [{ to: 'anh', form: 'bare' }],
  'hỉ': [{ to: 'nhi', form: 'exact' }],
  'hè': [{ to: 'nhi', form: 'exact', end: true }],
  nghen: [{ to: 'nhe', form: 'bare' }],
  'dị': [{ to: 'vay', form: 'exact', end: true }],
  'dậy': [{ to: 'vay', form: 'exact', end: true, notPrev: ['thuc', 'ngu', 'day'] }],
  coi: [{ to: 'xem', form: 'any', notNext: ['chung'] }],
  'lẹ': [{ to: 'nhanh', form: 'exact' }],
  'dìa': [{ to: 've', form: 'exact' }],
  'hổm': [{ to: 'hom', form: 'exact' }],
  'ổng': [{ to: 'ong', form: 'exact' }],
  'bả': [{ to: 'ba', form: 'exact' }],
  'cấy': [{ to: 'cai', form: 'exact', notNext: ['lua', 'ghep', 'mau', 'vi'] }],
  // "tiệm" (shop: "tiệm vàng", "tiệm tạp hóa") folds to "tiem" (inject) unless read with its mark
  // (a slipped tone before a vaccination word is still "tiêm": "tiệm vắc xin", "tiệm mũi 2")
  // unmarked "tiem" before what a shop sells or does ("tiem vang", "tiem tap hoa") is a shop too
  // and so is one after its owner or door ("chủ tiệm", "của tiệm tôi", "cửa tiệm") unless a vaccination word follows
  tiem: [
    { to: 'cua hang', form: 'bare', next: ['vang', 'tap', 'toc', 'cat', 'banh', 'net', 'cam', 'giat', 'rua', 'vai', 'kinh', 'sach', 'nail', 'spa', 'cafe', 'kem', 'goi', 'uon', 'chup', 'photo', 'hot', 'sua'], notPrev: ['di', 'duoc', 'dc', 'can', 'phai', 'da', 'chua', 'se', 'muon', 'mun'] },
    { to: 'cua hang', form: 'bare', prev: ['cua', 'chu'], notNext: SHOT_WORDS },
  ],
  'tiệm': [{ to: 'cua hang', form: 'exact', notNext: SHOT_WORDS }],
};
