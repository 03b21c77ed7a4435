/**
 * Word lists for normalising how residents type: abbreviations and teen-code, brand-name spellings,
 * multi-word phrases and stop words. All keys and values are already folded (no diacritics, đ->d,
 * lower case), because they are applied after folding. Expansions generalise to any question; they
 * are not tuned to particular test lines. Keep entries unambiguous in a vaccination context.
 */

/** Whole-token replacements. An empty string drops the token (greetings aimed at the bot). */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  // đăng ký / được / không
  // (chat teencode and dialect words -- ko, dc, dk, j, z, mô, răng... -- live in src/language)
  dduoc: 'duoc', koo: 'khong', ch: 'chua',
  // health-system words
  tc: 'tiem chung', tchung: 'tiem chung', tiemchung: 'tiem chung',
  sskdt: 'sskdt', ssk: 'sskdt', sodientu: 'sskdt', sksdt: 'sskdt',
  cccd: 'cccd', cc: 'cccd', cmnd: 'cmnd', cmt: 'cmnd', cmtnd: 'cmnd', mddcn: 'ma dinh danh',
  ddcn: 'dinh danh',
  bhyt: 'bhyt',
  tyt: 'tram y te', yt: 'y te', yte: 'y te', byt: 'bo y te', kbyt: 'khai bao y te', bs: 'bac si', bv: 'benh vien',
  gcn: 'giay chung nhan', cnhan: 'chung nhan', hcvx: 'ho chieu vacxin',
  // vaccines
  vx: 'vacxin', vacxin: 'vacxin', vaccine: 'vacxin', vaccines: 'vacxin', vaccin: 'vacxin',
  vacin: 'vacxin', vacine: 'vacxin', vacxine: 'vacxin', vaxin: 'vacxin', vacsin: 'vacxin',
  vacxinh: 'vacxin', vaxcin: 'vacxin', vacxim: 'vacxin',
  m1: 'mui 1', m2: 'mui 2', m3: 'mui 3', m4: 'mui 4', m5: 'mui 5',
  pfizer: 'pfizer', fizer: 'pfizer', phizer: 'pfizer', pfize: 'pfizer', pfz: 'pfizer', pf: 'pfizer',
  phizơ: 'pfizer', phaizer: 'pfizer', faizer: 'pfizer', biontech: 'pfizer', comirnaty: 'pfizer',
  az: 'astrazeneca', astra: 'astrazeneca', astrazeneca: 'astrazeneca', astrazenca: 'astrazeneca',
  astrazenica: 'astrazeneca', astrazeneka: 'astrazeneca', atra: 'astrazeneca', asta: 'astrazeneca',
  astrazenaca: 'astrazeneca', zeneca: '', vaxzevria: 'astrazeneca',
  moderna: 'moderna', mordena: 'moderna', modena: 'moderna', moderma: 'moderna', spikevax: 'moderna',
  mdn: 'moderna', modecna: 'moderna',
  vero: 'verocell', verocell: 'verocell', cell: '', sinopharm: 'verocell', sinofam: 'verocell',
  sinopham: 'verocell', sino: 'verocell', sinopharma: 'verocell',
  sputnik: 'sputnik', spunik: 'sputnik', sputnick: 'sputnik', sputnikv: 'sputnik',
  janssen: 'janssen', jansen: 'janssen', johnson: 'janssen',
  hayatvax: 'hayat', mrna: 'mrna',
  // phones, codes, apps
  sdt: 'so dien thoai', dthoai: 'dien thoai', dt: 'dien thoai', dtdd: 'dien thoai',
  sms: 'tin nhan', tn: 'tin nhan', nt: 'nhan tin',
  qrcode: 'qr', kr: 'qr', qrcde: 'qr',
  pccovid: 'pccovid', pcc: 'pccovid', pcovid: 'pccovid',
  covit: 'covid', covy: 'covid', corona: 'covid', cov: 'covid', covi: 'covid',
  ip: 'iphone', ipad: 'iphone', app: 'ung dung', apps: 'ung dung', ap: 'ung dung', ud: 'ung dung',
  onl: 'truc tuyen', online: 'truc tuyen', web: 'trang web', website: 'trang web', wed: 'trang web',
  pass: 'mat khau', password: 'mat khau', free: 'mien phi', fre: 'mien phi',
  dl: 'dulieu', dlieu: 'dulieu', ls: 'lich su', lsu: 'lich su', ttin: 'thong tin', tt: 'thong tin',
  hotline: 'hotline', link: 'trang web', lik: 'trang web',
  // counting words
  bn: 'bao nhieu', bnh: 'bao nhieu', bnhieu: 'bao nhieu', baonhieu: 'bao nhieu', bnhiu: 'bao nhieu',
  cty: 'cong ty', hs: 'hoc sinh', ad: '', admin: '',
  tk: 'tai khoan', dv: 'dich vu', xn: 'xet nghiem', cb: 'can bo', nv: 'nhan vien',
};

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
  [['bau', 'bi'], ['mang', 'thai']],
  // "cn" is chứng nhận after "giấy" ("giấy cn tiêm"), công nhân before a workplace ("cn cty")
  [['giay', 'cn'], ['giay', 'chung', 'nhan']],
  [['cn', 'tiem'], ['chung', 'nhan', 'tiem']],
  [['cn', 'cong', 'ty'], ['cong', 'nhan', 'cong', 'ty']],
];

/**
 * Words that carry little meaning in a question (politeness, pronouns, question words, "có ...
 * không"). They still form syllable pairs ("có thai", "bao nhiêu"), but alone they are neither
 * indexed nor counted as evidence that a question is about vaccination.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'ah', 'ak', 'o', 'oi', 'nhe', 'nha', 'nhi', 'vay', 'the', 'thi', 'la', 'ma', 'cho', 'toi',
  'minh', 'em', 'anh', 'chi', 'ban', 'hoi', 'xin', 'chao', 'vui', 'long', 'giup', 'dum', 'voi',
  'cua', 'do', 'khi', 'ne', 'luon', 'u', 'uh', 'uk', 'ok', 'oke', 'okie', 'cai', 'nhung', 'cac',
  'mot', 'rat', 'nao', 'gi', 'sao', 'co', 'duoc', 'khong', 'phai', 'nay', 'kia', 'day', 'nhu',
  'va', 'hay', 'hoac', 'se', 'da', 'roi', 'lam', 'muon', 'biet', 'hen', 'tai', 'den', 'tu',
  'trong', 've', 'chua', 'nua', 'them', 'ba', 'ong', 'bac', 'cau', 'chu', 'ha', 'hic', 'huhu',
  'nhieu', 'it', 'qua', 'lai', 'ai', 'bao',
  // grammar words with no topic of their own (if, kind of, surely, a little, cause, it, we): unknown to
  // the topics, they would count as the question's unexplained subject and sink a clear match
  'neu', 'kieu', 'chac', 'chut', 'khien', 'no', 'ta',
  // times of day and holidays (late night, noon, Tết, minutes) and "sớm" (early): when, not what
  'khuya', 'trua', 'dem', 'tet', 'phut', 'som',
  // "bên" (side, over at: "bên xã kia", "bên cạnh") locates, it names no topic
  'ben',
  // "thích" (and the dialect "ưng") wants something, like "muốn"
  'thich',
]);

/**
 * Politeness, pronouns and particles. Two of these side by side ("cho tôi", "em hỏi") do not
 * form a syllable pair; other stop words still do ("không được", "bao nhiêu").
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'a', 'ah', 'ak', 'o', 'oi', 'nhe', 'nha', 'nhi', 'vay', 'the', 'thi', 'la', 'ma', 'cho', 'toi',
  'minh', 'em', 'anh', 'chi', 'ban', 'hoi', 'xin', 'chao', 'vui', 'long', 'giup', 'dum', 'u', 'uh',
  'uk', 'ok', 'oke', 'okie', 'ne', 'luon', 'ha', 'hic', 'huhu', 'ba', 'ong', 'bac', 'cau', 'chu',
  'cua', 'do', 'voi', 'va', 'hen', 'roi', 'nua', 'ai',
]);

/**
 * Terms that put a question inside this assistant's domain: vaccination and COVID-19, health
 * care, and the assistant's own check-in features. Generic words shared with everyday questions
 * ("giấy tờ", "ở đâu", "hộ chiếu", "bệnh viện", "thuốc") are deliberately absent: without one of these terms
 * the matcher may offer topics but never answers ("đăng ký kết hôn cần giấy tờ gì" must not get
 * the vaccination paperwork answer). Folded syllables, or pairs joined by "_".
 */
export const DOMAIN_TERMS: ReadonlySet<string> = new Set([
  // vaccination
  'tiem', 'vacxin', 'mui', 'lieu', 'tiem_chung', 'tiem_phong', 'chich', 'pfizer', 'moderna',
  'astrazeneca', 'verocell', 'sputnik', 'janssen', 'abdala', 'hayat', 'covaxin', 'mrna', 'booster',
  'nhac_lai', 'tang_cuong', 'bo_sung', 'phan_ve', 'sang_loc', 'chong_chi', 'chi_dinh',
  'ho_chieu_vacxin', 'chieu_vacxin', 'chung_nhan', 'xac_nhan', 'the_xanh',
  // COVID-19 and health
  'covid', 'f0', 'f1', 'f2', 'sars', 'omicron', 'delta', 'benh_nen', 'man_tinh', 'sot', 'ho_sot',
  'trieu_chung', 'dau_hieu', 'mac', 'nhiem', 'duong_tinh', 'am_tinh', 'xet_nghiem', 'test',
  'cach_li', 'tiep_xuc', 'ca_benh', 'ca_nhiem', 'nguoi_nhiem', 'lich_trinh', 'khoi_benh', 'y_te', 'tram_y', 'cap_cuu', '115',
  'mang_thai', 'co_thai', 'bau', 'thai', 'con_bu', 'di_ung', 'huyet_ap', 'tieu_duong', 'ung_thu',
  'tim_mach', 'kho_tho', 'vi_giac', 'khuu_giac', 'dau_hong', 'spo2', 'suc_khoe', 'khau_trang',
  'hotline', '19009095', 'bhyt', 'uu_tien', 'nhom_uu',
  // apps and portals of the vaccination campaign
  'sskdt', 'pccovid', 'bluezone', 'ncovi', 'tokhaiyte', 'tiemchungcovid', 'otp', 'kich_hoat',
  'xac_thuc', 'ma_xac', 'nhan_ma', 'duoc_ma', 'lai_ma', 'gui_ma',
  // registering, unless the question names another administrative procedure (OTHER_ADMIN_TERMS)
  'dang_ki',
  // this assistant: check-in, venues, its data
  'qr', 'ma_qr', 'quet', 'quet_ma', 'khai_bao', 'ra_vao', 'vao_ra', 'check', 'checkin', 'dia_diem',
  'lich_su', 'dulieu', 'can_bo', 'nguoi_that', 'ap_phich', 'truy_vet',
  'bao_mat', 'rieng_tu',
]);

/**
 * Other procedures a commune resident registers for. "Đăng ký" next to one of these is not about
 * vaccination, so it does not count as domain evidence (other domain terms still do).
 */
export const OTHER_ADMIN_TERMS: ReadonlySet<string> = new Set([
  // "đăng ký tạm trú / thường trú / kết hôn...": the pair after "ký" names what is registered
  'ki_tam', 'ki_thuong', 'ki_ket', 'ki_khai', 'ki_xe', 'ki_kinh', 'ki_ho', 'ki_nghia',
  'ket_hon', 'khai_sinh', 'khai_tu', 'thuong_tru', 'tam_vang', 'dang_ki_xe', 'xe_may',
  'o_to', 'bien_so', 'sim', 'kinh_doanh', 'doanh_nghiep', 'dat', 'nha_dat', 'so_do', 'thue',
  'bang_lai', 'lai_xe', 'giay_phep', 'nghia_vu', 'quan_su', 'tuyen_sinh', 'nhap_hoc', 'hoc',
  'internet', 'wifi', 'dien_nuoc', 'ngan_hang', 'tai_khoan_ngan', 'bao_hiem_xa', 'xa_hoi',
  'ho_chieu_di', 'xuat_canh', 'visa', 'tu_phap', 'chung_thuc', 'cong_chung',
  // residence papers, jobs, other accounts and payments
  'cu_tru', 'xac_nhan_cu', 'nhan_cu', 'xin_viec', 'kham_suc', 'ki_tai', 'shopee', 'thanh_toan', 'chuyen_khoan',
  // "tài khoản Zalo" is another account; "quét mã bằng Zalo" is this assistant's channel
  'khoan_zalo', 'khoan_facebook', 'zalopay', 'momo', 'chuyen_tien', 'nap_tien', 'rut_tien', 'vi_dien',
  // civil status and land papers ("giấy chứng nhận độc thân", "giấy chứng nhận quyền sử dụng đất")
  'doc_than', 'hon_nhan', 'quyen_su', 'su_dung_dat', 'tach_thua', 'ho_khau_tach', 'tach_khau', 'tach_ho',
  // the health-insurance card is its own procedure: registering, buying, renewing it
  'ki_bhyt', 'mua_bhyt', 'dong_bhyt', 'gia_han', 'bhxh', 'lam_bhyt', 'cap_bhyt', 'doi_bhyt',
  // booking a doctor's appointment ("đăng ký khám bệnh", "đặt lịch khám")
  'ki_kham', 'lich_kham',
  // check-ups of the eyes, teeth and ears ("đi khám mắt", "khám răng"): another counter of the health station
  'kham_mat', 'kham_rang', 'kham_tai',
  // utilities, civil status, land, police, schools, welfare, phones: other counters of the commune
  'nuoc_may', 'ki_nuoc', 'tien_nuoc', 'tien_dien', 'cong_to', '3_pha', 'dien_3', 'lap_dat', 'nha_mang',
  'dan_su', 'ho_tich', 'con_nuoi', 'ly_hon', 'thua_ke', 'di_chuc', 'dia_chinh', 'so_hong', 'xay_dung', 'xay_nha',
  'cong_an', 'vao_lop', 'lop_10', 'xet_tuyen', 'hoc_bong', 'diem_uu', 'ho_ngheo', 'tro_cap', 'luong_huu', 'that_nghiep',
  'ket_ban', 'khoi_phuc', 'sao_luu', 'xahoi', 'thu_nhap',
  // a one-time code of another account or app ("otp zalo không về", "mã otp ngân hàng")
  // banks and payment QR codes ("quét mã QR Vietcombank", "VietQR")
  'vietcombank', 'techcombank', 'vietinbank', 'agribank', 'bidv', 'mbbank', 'vpbank', 'tpbank', 'sacombank', 'acb', 'vietqr',
  'banking', 'atm',
  // electronics and phone retailers' switchboards ("tổng đài Điện Máy Xanh")
  'dien_may',
  // residence confirmations ("giấy xác nhận tạm trú / thường trú")
  'nhan_tam', 'nhan_thuong',
  // phone operators and their data plans ("đăng ký 4G Viettel nhận OTP không về")
  'vneid', 'vietel', 'viettel', 'vinaphone', 'mobifone', 'vietnamobile', 'goi_cuoc',
  'otp_zalo', 'otp_facebook', 'otp_momo', 'otp_shopee', 'otp_ngan', 'otp_gmail', 'otp_tiktok',
]);

/**
 * Domain terms that ordinary paperwork shares ("giấy xác nhận cư trú", "khám sức khỏe xin việc",
 * "đăng ký tài khoản Zalo"): next to an OTHER_ADMIN_TERMS word they do not put a question in the
 * domain; a vaccination or COVID-19 term still does.
 */
export const WEAK_DOMAIN_TERMS: ReadonlySet<string> = new Set([
  'dang_ki', 'xac_nhan', 'chung_nhan', 'suc_khoe', 'y_te', 'khai_bao', 'dulieu', 'lich_su', 'dia_diem',
  'kich_hoat', 'xac_thuc', 'ma_xac', 'uu_tien', 'test', 'check', 'quet', 'quet_ma', 'qr', 'ma_qr', 'can_bo',
  'bhyt', 'nhan_ma', 'duoc_ma', 'lai_ma', 'gui_ma',
  // a one-time code is sent by banks, wallets and every app ("mã OTP ngân hàng không về")
  'otp',
]);

/**
 * Terms of other diseases and vaccines. A question about them ("tiêm phòng dại", "vắc xin cúm")
 * shares words with our COVID-19 topics, but a COVID-19 answer would be wrong: when one of these
 * appears and COVID-19 is not named, the matcher never answers confidently.
 */
export const OTHER_DISEASE_TERMS: readonly string[] = [
  'cum', 'phong_dai', 'benh_dai', 'bi_cho', 'benh_soi', 'tiem_soi', 'soi_rubella',
  'rubella', 'thuy_dau', 'viem_gan', 'hpv', 'uon_van', 'bach_hau', 'ho_ga', 'bai_liet', 'viem_nao',
  'phe_cau', 'rota', 'tay_chan', 'sot_xuat', 'xuat_huyet', 'benh_lao', 'zona', 'dau_mua',
  'thuong_han', 'quai_bi', 'dai_cho', 'vacxin_soi', 'mui_soi', 'phong_soi', 'soi_cho',
  // animals: a pet's shots are never a COVID-19 answer ("chó" folds to "cho", so only pairs)
  'con_cho', 'cho_can', 'cho_meo', 'meo', 'thu_cung', 'vat_nuoi', 'gia_suc', 'gia_cam', 'thu_y', 'ngua_dai', 'chich_dai',
  'tiem_dai', 'dai_o', 'heo', 'trau_bo', 'lo_mom', 'dich_ta', 'tai_xanh', 'con_ga', 'con_vit', 'ga_vit',
  // marked animal words ("chó", "gà", "bò"...) are read as these before folding (MARKED_WORDS)
  // injections that are not vaccination, and the national programme for other childhood vaccines
  'tinh_mach', 'filler', 'botox', 'truyen_dich', 'truyen_nuoc', 'tiem_thuoc', 'chung_mo', 'mo_rong',
  // childhood combination vaccines ("5 trong 1", "6 in 1") and the newborn schedule
  '5_trong', '6_trong', 'trong_1', 'so_sinh', 'thang_tuoi', 'bcg', 'vacxin_dai', 'insulin', 'lieu_thuoc', 'cho_cho',
  // other medical procedures ("xét nghiệm máu", "hiến máu")
  'nghiem_mau', 'thu_mau', 'hien_mau',
];

/**
 * The OTHER_DISEASE_TERMS that name a medical procedure, not another vaccine (insulin, a drip,
 * giving blood): next to the word "vắc xin" the vaccine is what is asked about ("đang tiêm
 * insulin thì tiêm vắc xin được không", "tiêm vắc xin xong có được hiến máu không").
 */
export const NON_VACCINE_PROCEDURE_TERMS: readonly string[] = [
  'tinh_mach', 'filler', 'botox', 'truyen_dich', 'truyen_nuoc', 'insulin', 'nghiem_mau', 'thu_mau', 'hien_mau',
];

/**
 * Words that are unambiguous only with their diacritics ("chó" dog, but "cho" give; "gà" chicken,
 * but "ga" station; "bò" cow, but "bố" father; "dại" rabies, but "dài" long; "sởi" measles, but
 * "soi" look), read before folding as the folded pair that marks a pet, livestock or other-disease
 * question (OTHER_DISEASE_TERMS): such shots never get a COVID-19 answer. Lower case, NFC.
 */
export const MARKED_WORDS: Readonly<Record<string, string>> = {
  'dại': 'benh dai', 'sởi': 'benh soi',
  // "xã hội" (social insurance, social distancing) is not "xã hỏi" (the commune asks): see FOLDED_OTHER_ADMIN
  'xã hội': 'xahoi',
  // "còn" (still, and what about) is a grammar word; folded it would be "con" (a child)
  'còn': '',
  // "tiêm chung" (together) is not "tiêm chủng" (vaccination): only marks tell them apart
  'tiêm chung': 'tiem cung', 'chích chung': 'tiem cung',
  // dishes named after beef are food, not cattle ("quán bún bò của tui")
  'bún bò': 'mon an', 'phở bò': 'mon an', 'thịt bò': 'mon an', 'bò kho': 'mon an', 'bò né': 'mon an',
  // cities whose folded names read as other words ("da nang" = "đã nặng", "ha noi" = "hạ nơi")
  'đà nẵng': 'tinh khac', 'hà nội': 'tinh khac', 'cần thơ': 'tinh khac', 'gia lai': 'tinh khac', 'huế': 'tinh khac',
  'chó': 'vat nuoi', 'mèo': 'vat nuoi', 'gà': 'gia cam', 'vịt': 'gia cam', 'ngỗng': 'gia cam',
  'bò': 'gia suc', 'trâu': 'gia suc', 'lợn': 'gia suc', 'heo': 'gia suc', 'dê': 'gia suc', 'cừu': 'gia suc',
};
