/**
 * Other diseases, vaccines, animals' shots and non-vaccine injections: a question about them shares
 * words with the COVID-19 topics, but a COVID-19 answer would be wrong. Folded pairs joined by "_".
 */

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
  // cosmetic injections ("tiêm trắng da", "tiêm vitamin", "thẩm mỹ")
  'trang_da', 'tham_mi', 'vitamin', 'collagen',
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
  'trang_da', 'tham_mi', 'vitamin', 'collagen',
];
