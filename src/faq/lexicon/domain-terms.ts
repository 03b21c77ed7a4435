/**
 * The terms that put a question inside this assistant's domain (vaccination, COVID-19, health care,
 * check-in), and the weaker ones that ordinary paperwork shares. Without a domain term the matcher
 * may offer topics but never answers. Folded syllables, or pairs joined by "_".
 */

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
