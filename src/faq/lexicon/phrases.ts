/**
 * Multi-word phrases rewritten after the abbreviations: named things collapsed to one token (so a long
 * name does not outweigh the question), compounds that would otherwise read as domain words, and
 * everyday synonyms. Folded words. Order matters: longer phrases come first within a first token.
 */

import { FORMAL_PHRASES } from './formal-phrases.js';

/** Multi-token phrases (after whole-token replacement), longest first within a first token. */
export const PHRASES: readonly (readonly [readonly string[], readonly string[]])[] = [
  // one token per named thing, so a long name ("sổ sức khỏe điện tử") does not outweigh the question
  [['so', 'suc', 'khoe', 'dien', 'tu'], ['sskdt']],
  [['so', 'suc', 'khoe'], ['sskdt']],
  [['so', 'sk'], ['sskdt']],
  [['can', 'cuoc', 'cong', 'dan'], ['cccd']],
  [['can', 'cuoc'], ['cccd']],
  [['chung', 'minh', 'nhan', 'dan'], ['cmnd']],
  [['chung', 'minh', 'thu'], ['cmnd']],
  [['the', 'bao', 'hiem', 'y', 'te'], ['bhyt']],
  [['bao', 'hiem', 'y', 'te'], ['bhyt']],
  [['the', 'bao', 'hiem'], ['bhyt']],
  [['the', 'bhyt'], ['bhyt']],
  [['vac', 'xin'], ['vacxin']],
  [['vac', 'xinh'], ['vacxin']],
  [['vac', 'sin'], ['vacxin']],
  [['pc', 'covid'], ['pccovid']],
  [['duong', 'day', 'nong'], ['hotline']],
  [['hot', 'line'], ['hotline']],
  [['tong', 'dai'], ['hotline']],
  [['co', 'vit'], ['covid']],
  // "có quyền xem" (has the right to see) = "được xem"
  [['co', 'quyen'], ['duoc']],
  [['co', 'vid'], ['covid']],
  [['1900', '9095'], ['19009095']],
  // compounds whose second syllable would read as a domain word: "dữ liệu" is not "liều", "sổ
  // mũi" is not a dose, "cho chó" is for a dog
  [['du', 'lieu'], ['dulieu']],
  [['so', 'mui'], ['somui']],
  [['nuoc', 'mui'], ['somui']],
  [['nghet', 'mui'], ['nghetmui']],
  // "màu vàng/xanh" (the app's colour) is not "máu" (blood: "hiến máu"), nor "tiền đình" (the inner ear) money
  [['mau', 'vang'], ['mausac', 'vang']],
  [['mau', 'xanh'], ['mausac', 'xanh']],
  [['tien', 'dinh'], ['tiendinh']],
  // "mất mùi" (no smell) is the lost sense of smell, not a dose
  [['mat', 'mui'], ['mat', 'khuu', 'giac']],
  [['cho', 'cho'], ['cho', 'vat', 'nuoi']],
  // "bây giờ" (and the dialect "chừ") only sets the time of a question
  [['bay', 'gio'], []],
  // "hôm thứ Bảy" (a weekday) only dates the question, like "hôm qua"
  [['hom', 'chu', 'nhat'], ['hom']],
  [['hom', 'thu', 'hai'], ['hom']],
  [['hom', 'thu', 'ba'], ['hom']],
  [['hom', 'thu', 'tu'], ['hom']],
  [['hom', 'thu', 'nam'], ['hom']],
  [['hom', 'thu', 'sau'], ['hom']],
  [['hom', 'thu', 'bay'], ['hom']],
  [['hom', 'thu', '2'], ['hom']],
  [['hom', 'thu', '3'], ['hom']],
  [['hom', 'thu', '4'], ['hom']],
  [['hom', 'thu', '5'], ['hom']],
  [['hom', 'thu', '6'], ['hom']],
  [['hom', 'thu', '7'], ['hom']],
  // synonyms
  // "chích" (and "chích ngừa", "tiêm ngừa") is how the centre and south say "tiêm"
  [['chich', 'ngua'], ['tiem']],
  [['tiem', 'ngua'], ['tiem']],
  [['chich'], ['tiem']],
  // a child, as parents name one ("con nít", "thằng nhỏ", "đứa nhỏ", "tụi nhỏ")
  [['con', 'nit'], ['tre', 'em']],
  [['thang', 'nho'], ['tre', 'em']],
  [['dua', 'nho'], ['tre', 'em']],
  [['tui', 'nho'], ['tre', 'em']],
  [['be', 'nho'], ['tre', 'em']],
  [['con', 'nho'], ['tre', 'em']],
  // "thằng cu", "cu cậu": the central-Vietnam word for a little boy
  [['thang', 'cu'], ['tre', 'em']],
  [['cu', 'cau'], ['tre', 'em']],
  // grandparents by side ("ông nội", "bà ngoại") are the grandparent: "nội" and "ngoại" fold like
  // "nơi" (a place) and "ngoài" (outside), which other topics know
  [['ong', 'noi'], ['ong']],
  [['ba', 'noi'], ['ba']],
  [['ong', 'ngoai'], ['ong']],
  [['ba', 'ngoai'], ['ba']],
  // big cities and other provinces residents work in and come home from: another province
  [['sai', 'gon'], ['tinh', 'khac']],
  [['tphcm'], ['tinh', 'khac']],
  [['tp', 'hcm'], ['tinh', 'khac']],
  [['ho', 'chi', 'minh'], ['tinh', 'khac']],
  [['binh', 'duong'], ['tinh', 'khac']],
  [['dong', 'nai'], ['tinh', 'khac']],
  [['quang', 'nam'], ['tinh', 'khac']],
  [['binh', 'dinh'], ['tinh', 'khac']],
  [['nha', 'trang'], ['tinh', 'khac']],
  [['vung', 'tau'], ['tinh', 'khac']],
  [['khanh', 'hoa'], ['tinh', 'khac']],
  [['kon', 'tum'], ['tinh', 'khac']],
  [['tay', 'nguyen'], ['tinh', 'khac']],
  [['quy', 'nhon'], ['tinh', 'khac']],
  [['long', 'an'], ['tinh', 'khac']],
  [['bao', 'gio'], ['khi', 'nao']],
  // doses named in words ("mũi đầu", "mũi thứ hai") are the numbered doses
  [['mui', 'dau', 'tien'], ['mui', '1']],
  [['mui', 'dau'], ['mui', '1']],
  [['mui', 'thu', 'nhat'], ['mui', '1']],
  [['mui', 'thu', 'hai'], ['mui', '2']],
  [['mui', 'thu', 'ba'], ['mui', '3']],
  [['mui', 'thu', 'tu'], ['mui', '4']],
  [['mui', 'thu'], ['mui']],
  [['mui', 'mot'], ['mui', '1']],
  [['mui', 'hai'], ['mui', '2']],
  [['mui', 'ba'], ['mui', '3']],
  [['mui', 'bon'], ['mui', '4']],
  [['lieu', 'thu', 'nhat'], ['mui', '1']],
  [['lieu', 'thu', 'hai'], ['mui', '2']],
  [['lieu', 'thu', 'ba'], ['mui', '3']],
  [['lieu', 'dau', 'tien'], ['mui', '1']],
  [['luc', 'nao'], ['khi', 'nao']],
  [['mang', 'bau'], ['mang', 'thai']],
  // "quá hẹn", "trễ hẹn", "quá lịch": missing an appointment ("hẹn" alone is also a particle)
  [['qua', 'hen'], ['lo', 'hen']],
  [['tre', 'hen'], ['lo', 'hen']],
  [['qua', 'lich'], ['lo', 'lich']],
  [['tre', 'lich'], ['lo', 'lich']],
  [['co', 'bau'], ['co', 'thai']],
  // registering "for" a relative ("đăng ký (tiêm) cho ông") is registering on their behalf
  [['ki', 'tiem', 'cho', 'ong'], ['ki', 'tiem', 'giup', 'ong']],
  [['ki', 'cho', 'ong'], ['ki', 'giup', 'ong']],
  // "đăng ký hộ" + a person is on their behalf ("hộ khẩu" is the household book)
  [['ki', 'ho', 'cho'], ['ki', 'giup']],
  [['ki', 'ho', 'nguoi'], ['ki', 'giup', 'nguoi']],
  [['ki', 'ho', 'ong'], ['ki', 'giup', 'ong']],
  [['ki', 'ho', 'ba'], ['ki', 'giup', 'ba']],
  [['ki', 'ho', 'bo'], ['ki', 'giup', 'bo']],
  [['ki', 'ho', 'me'], ['ki', 'giup', 'me']],
  [['ki', 'ho', 'vo'], ['ki', 'giup', 'vo']],
  [['ki', 'ho', 'chong'], ['ki', 'giup', 'chong']],
  [['ki', 'ho', 'con'], ['ki', 'giup', 'con']],
  [['ki', 'ho', 'chau'], ['ki', 'giup', 'chau']],
  [['ki', 'tiem', 'cho', 'ba'], ['ki', 'tiem', 'giup', 'ba']],
  [['ki', 'cho', 'ba'], ['ki', 'giup', 'ba']],
  [['ki', 'tiem', 'cho', 'bo'], ['ki', 'tiem', 'giup', 'bo']],
  [['ki', 'cho', 'bo'], ['ki', 'giup', 'bo']],
  [['ki', 'tiem', 'cho', 'me'], ['ki', 'tiem', 'giup', 'me']],
  [['ki', 'cho', 'me'], ['ki', 'giup', 'me']],
  [['ki', 'tiem', 'cho', 'vo'], ['ki', 'tiem', 'giup', 'vo']],
  [['ki', 'cho', 'vo'], ['ki', 'giup', 'vo']],
  [['ki', 'tiem', 'cho', 'chong'], ['ki', 'tiem', 'giup', 'chong']],
  [['ki', 'cho', 'chong'], ['ki', 'giup', 'chong']],
  [['ki', 'tiem', 'cho', 'chau'], ['ki', 'tiem', 'giup', 'chau']],
  [['ki', 'cho', 'chau'], ['ki', 'giup', 'chau']],
  // renting a room ("ở trọ", "nhà trọ", "phòng trọ") is living away from home: tạm trú
  [['o', 'tro'], ['o', 'tam', 'tru']],
  [['nha', 'tro'], ['tam', 'tru']],
  [['phong', 'tro'], ['tam', 'tru']],
  [['thue', 'tro'], ['tam', 'tru']],
  [['bau', 'bi'], ['mang', 'thai']],
  // "cn" is chứng nhận after "giấy" ("giấy cn tiêm"), công nhân before a workplace ("cn cty")
  [['giay', 'cn'], ['giay', 'chung', 'nhan']],
  [['cn', 'tiem'], ['chung', 'nhan', 'tiem']],
  [['cn', 'cong', 'ty'], ['cong', 'nhan', 'cong', 'ty']],
  // standard written frames and number words (formal-phrases.ts)
  ...FORMAL_PHRASES,
];
