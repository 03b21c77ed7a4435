/**
 * How an educated resident, a teacher or a commune clerk frames a question in standard written
 * Vietnamese: salutations, "người dân", "thực hiện", "theo quy định hiện hành", "bất kỳ". These
 * frames name no subject, so as content syllables they counted as the question's unexplained part
 * and held a clear match back. Folded words; appended to PHRASES (phrases.ts).
 */

export const FORMAL_PHRASES: readonly (readonly [readonly string[], readonly string[]])[] = [
  // a salutation names the addressee, not the subject ("Kính gửi Trạm Y tế, ...")
  [['kinh', 'gui'], []],
  [['kinh', 'thua'], []],
  [['thua', 'can', 'bo'], []],
  [['thua', 'bac', 'si'], []],
  [['xin', 'trinh', 'bay'], []],
  [['trinh', 'bay'], []],
  [['tran', 'trong'], []],
  [['cam', 'on'], []],
  [['quy', 'co', 'quan'], []],
  // the commune office as an addressee or a place ("Ủy ban nhân dân xã") names no subject
  [['uy', 'ban', 'nhan', 'dan'], []],
  [['ubnd'], []],
  [['kinh', 'de', 'nghi'], []],
  [['xin', 'phep'], []],
  // "người dân" (residents), "thực hiện" (carry out), "hiện nay / hiện hành", "theo quy
  // định", "bất kỳ", "tương đối", "cụ thể", "giải đáp", "phụ trách", "kịp thời", "trở lên": frames
  [['nguoi', 'dan'], []],
  [['thuc', 'hien'], []],
  [['hien', 'nay'], []],
  [['hien', 'hanh'], []],
  [['theo', 'quy', 'dinh'], []],
  [['quy', 'dinh'], []],
  [['bat', 'ki'], []],
  [['tuong', 'doi'], []],
  [['cu', 'the'], []],
  [['giai', 'dap'], []],
  [['phu', 'trach'], []],
  [['kip', 'thoi'], []],
  [['tro', 'len'], []],
  [['khuyen', 'cao'], []],
  [['giong', 'nhu'], ['nhu']],
  // "mất toàn bộ / tất cả / hết giấy tờ" is losing them
  [['mat', 'toan', 'bo'], ['mat']],
  [['mat', 'tat', 'ca'], ['mat']],
  [['mat', 'het'], ['mat']],
  // "vài ngày" (a few days) counts like "mấy ngày"
  [['vai', 'ngay'], ['may', 'ngay']],
  [['vai', 'tuan'], ['may', 'tuan']],
  [['vai', 'thang'], ['may', 'thang']],
  // discourse words of written questions; several fold onto topic words ("đối với" -> "đổi",
  // "thắc mắc" -> "mắc", "bố trí" -> "bố", "chiến dịch" -> "dịch", "phản hồi" -> "phản ánh")
  [['doi', 'voi'], []],
  [['thac', 'mac'], []],
  [['ban', 'khoan'], []],
  [['lo', 'lang'], []],
  [['yen', 'tam'], []],
  [['tuy', 'nhien'], []],
  [['vi', 'vay'], []],
  [['boi', 'vi'], []],
  [['dong', 'thoi'], []],
  [['ngoai', 'ra'], []],
  [['hien', 'tai'], []],
  [['hoan', 'toan'], []],
  [['chinh', 'xac'], []],
  [['chi', 'tiet'], []],
  [['van', 'de'], []],
  [['lien', 'quan'], []],
  [['quy', 'trinh'], []],
  [['de', 'xuat'], []],
  [['kien', 'nghi'], []],
  [['nhu', 'cau'], []],
  [['ke', 'hoach'], []],
  [['trien', 'khai'], []],
  [['chien', 'dich'], []],
  [['dia', 'ban'], []],
  [['dam', 'bao'], []],
  [['bao', 'dam'], []],
  [['khac', 'phuc'], []],
  [['giai', 'quyet'], []],
  [['nguyen', 'nhan'], []],
  [['binh', 'thuong'], []],
  [['thoi', 'gian'], []],
  [['thoi', 'diem', 'nao'], ['khi', 'nao']],
  [['thoi', 'diem'], []],
  [['cong', 'van'], []],
  [['van', 'ban'], []],
  // "xử lý" (handle) is the title's "xử trí"; "bố trí" (arrange) is "sắp xếp"
  [['xu', 'li'], ['xu', 'tri']],
  [['bo', 'tri'], ['sap', 'xep']],
  [['phan', 'hoi'], []],
  // "nằm trong độ tuổi" (falls within) is not lying in bed ("nằm một chỗ")
  [['nam', 'trong'], ['trong']],
  // "trao đổi trực tiếp với cán bộ" asks an official, like "hỏi trực tiếp"
  [['trao', 'doi'], ['hoi']],
  // having the flu ("bị cảm cúm") is a common illness, like "bị cảm"; the flu vaccine stays another vaccine
  [['bi', 'cam', 'cum'], ['bi', 'cam']],
  // "cụ bà / cụ ông" (an elder) is an old person; "mười bốn ngày" the 14 days of the history
  [['cu', 'ba'], ['nguoi', 'gia']],
  [['cu', 'ong'], ['nguoi', 'gia']],
  [['muoi', 'bon', 'ngay'], ['14', 'ngay']],
  // a bus is a passenger vehicle, as "xe khách" (a venue code for a vehicle)
  [['xe', 'buyt'], ['xe', 'khach']],
  // "khoản phí / khoản tiền" (a fee) is a cost
  [['khoan', 'phi'], ['chi', 'phi']],
  [['khoan', 'tien'], ['chi', 'phi']],
];
