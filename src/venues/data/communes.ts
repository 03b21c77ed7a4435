import type { Commune } from '../../venue-ops/ports.js';

/**
 * Default commune/ward list: the 2021 administrative units of thị xã Đức Phổ and huyện Bình Sơn,
 * tỉnh Quảng Ngãi, where the 2021 directives applied.
 *
 * Sources:
 * - Nghị quyết 867/NQ-UBTVQH14 (10/01/2020) of the National Assembly Standing Committee, effective
 *   01/02/2020: establishes thị xã Đức Phổ with 8 wards (Nguyễn Nghiêm, Phổ Hòa, Phổ Minh, Phổ
 *   Quang, Phổ Ninh, Phổ Thạnh, Phổ Văn, Phổ Vinh) and 7 communes (Phổ An, Phổ Phong, Phổ Thuận,
 *   Phổ Nhơn, Phổ Khánh, Phổ Cường, Phổ Châu); in Bình Sơn merges Bình Tân + Bình Phú into Bình
 *   Tân Phú and Bình Thanh Đông + Bình Thanh Tây into Bình Thanh.
 *   https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Nghi-quyet-867-NQ-UBTVQH14-2020-sap-xep-don-vi-hanh-chinh-cap-huyen-cap-xa-Quang-Ngai-432361.aspx
 * - Huyện Bình Sơn after that resolution: thị trấn Châu Ổ and 21 communes (list below), as on the
 *   district portal https://binhson.quangngai.gov.vn and Wikipedia "Bình Sơn (huyện)".
 * A deployment for another district replaces this file (ids must stay stable once codes are printed).
 */
const ducPho = (slug: string, name: string): Commune => ({ id: `duc-pho/${slug}`, name, district: 'Thị xã Đức Phổ' });
const binhSon = (slug: string, name: string): Commune => ({ id: `binh-son/${slug}`, name, district: 'Huyện Bình Sơn' });

export const DEFAULT_COMMUNES: readonly Commune[] = [
  ducPho('nguyen-nghiem', 'Phường Nguyễn Nghiêm'),
  ducPho('pho-hoa', 'Phường Phổ Hòa'),
  ducPho('pho-minh', 'Phường Phổ Minh'),
  ducPho('pho-quang', 'Phường Phổ Quang'),
  ducPho('pho-ninh', 'Phường Phổ Ninh'),
  ducPho('pho-thanh', 'Phường Phổ Thạnh'),
  ducPho('pho-van', 'Phường Phổ Văn'),
  ducPho('pho-vinh', 'Phường Phổ Vinh'),
  ducPho('pho-an', 'Xã Phổ An'),
  ducPho('pho-phong', 'Xã Phổ Phong'),
  ducPho('pho-thuan', 'Xã Phổ Thuận'),
  ducPho('pho-nhon', 'Xã Phổ Nhơn'),
  ducPho('pho-khanh', 'Xã Phổ Khánh'),
  ducPho('pho-cuong', 'Xã Phổ Cường'),
  ducPho('pho-chau', 'Xã Phổ Châu'),
  binhSon('chau-o', 'Thị trấn Châu Ổ'),
  binhSon('binh-an', 'Xã Bình An'),
  binhSon('binh-chanh', 'Xã Bình Chánh'),
  binhSon('binh-chau', 'Xã Bình Châu'),
  binhSon('binh-chuong', 'Xã Bình Chương'),
  binhSon('binh-duong', 'Xã Bình Dương'),
  binhSon('binh-dong', 'Xã Bình Đông'),
  binhSon('binh-hai', 'Xã Bình Hải'),
  binhSon('binh-hiep', 'Xã Bình Hiệp'),
  binhSon('binh-hoa', 'Xã Bình Hòa'),
  binhSon('binh-khuong', 'Xã Bình Khương'),
  binhSon('binh-long', 'Xã Bình Long'),
  binhSon('binh-minh', 'Xã Bình Minh'),
  binhSon('binh-my', 'Xã Bình Mỹ'),
  binhSon('binh-nguyen', 'Xã Bình Nguyên'),
  binhSon('binh-phuoc', 'Xã Bình Phước'),
  binhSon('binh-tan-phu', 'Xã Bình Tân Phú'),
  binhSon('binh-thanh-a', 'Xã Bình Thạnh'),
  binhSon('binh-thanh', 'Xã Bình Thanh'),
  binhSon('binh-thuan', 'Xã Bình Thuận'),
  binhSon('binh-tri', 'Xã Bình Trị'),
  binhSon('binh-trung', 'Xã Bình Trung'),
];
