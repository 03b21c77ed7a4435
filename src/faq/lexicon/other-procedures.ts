/**
 * Other administrative procedures of a commune (residence, civil status, land, banks, phone plans...):
 * "đăng ký" next to one of these is not vaccination registration, so the FAQ must not answer it with
 * vaccination paperwork. Folded syllables, or pairs joined by "_".
 */

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
  // "tài khoản Zalo", "Zalo báo / bị khóa", "Zalo của tui" are the Zalo account itself; "quét mã bằng Zalo" is this assistant's channel
  'khoan_zalo', 'khoan_facebook', 'zalo_bao', 'zalo_bi', 'zalo_cua', 'nick_zalo', 'zalopay', 'momo', 'chuyen_tien', 'nap_tien', 'rut_tien', 'vi_dien',
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
