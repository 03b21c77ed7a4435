import { fold } from '../domain/fold.js';
import { standardText } from '../language/standardize.js';
import type { VenueType } from '../venue-ops/ports.js';
import { venueTypeTexts } from './texts.js';

/**
 * The venue types the 2021 directives named (offices, schools, shops, stations, vehicles...) plus
 * market, health facility, place of worship and other. `stayMinutes` is the usual stay after which
 * an open visit is checked out automatically (issue 5); officials can tune it here.
 */
export const VENUE_TYPES: readonly VenueType[] = [
  { id: 'office', name: venueTypeTexts.coQuanDonVi, vehicle: false, stayMinutes: 540 },
  { id: 'school', name: venueTypeTexts.truongHoc, vehicle: false, stayMinutes: 480 },
  { id: 'training-centre', name: venueTypeTexts.coSoDaoTao, vehicle: false, stayMinutes: 240 },
  { id: 'business', name: venueTypeTexts.doanhNghiepNhaXuong, vehicle: false, stayMinutes: 540 },
  { id: 'shop', name: venueTypeTexts.cuaHang, vehicle: false, stayMinutes: 60 },
  { id: 'restaurant', name: venueTypeTexts.nhaHangQuanAn, vehicle: false, stayMinutes: 90 },
  { id: 'cafe', name: venueTypeTexts.quanCaPheGiaiKhat, vehicle: false, stayMinutes: 90 },
  { id: 'supermarket', name: venueTypeTexts.sieuThi, vehicle: false, stayMinutes: 90 },
  { id: 'bookshop', name: venueTypeTexts.nhaSach, vehicle: false, stayMinutes: 60 },
  { id: 'market', name: venueTypeTexts.cho, vehicle: false, stayMinutes: 90 },
  { id: 'railway-station', name: venueTypeTexts.nhaGa, vehicle: false, stayMinutes: 120 },
  { id: 'ferry-pier', name: venueTypeTexts.benTauBenDoBen, vehicle: false, stayMinutes: 60 },
  { id: 'bus-station', name: venueTypeTexts.benXe, vehicle: false, stayMinutes: 90 },
  { id: 'vehicle', name: venueTypeTexts.phuongTienGiaoThongCong, vehicle: true, stayMinutes: 180 },
  { id: 'amusement-area', name: venueTypeTexts.khuVuiChoiGiaiTri, vehicle: false, stayMinutes: 180 },
  { id: 'health-facility', name: venueTypeTexts.coSoYTePhong, vehicle: false, stayMinutes: 180 },
  { id: 'place-of-worship', name: venueTypeTexts.coSoTonGiaoChua, vehicle: false, stayMinutes: 120 },
  { id: 'other', name: venueTypeTexts.khac, vehicle: false, stayMinutes: 120 },
];

/** Words people use for a type that are not its display name. */
const ALIASES: Readonly<Record<string, string>> = {
  'co quan': 'office', 'don vi': 'office', 'uy ban': 'office', 'truong': 'school', 'truong hoc': 'school', 'tiem': 'shop', 'tap hoa': 'shop',
  'cua hang': 'shop', 'shop': 'shop', 'tiem tap hoa': 'shop', 'co so dao tao': 'training-centre', 'trung tam dao tao': 'training-centre',
  'trung tam': 'training-centre', 'quan an': 'restaurant', 'nha hang': 'restaurant', 'com': 'restaurant', 'quan com': 'restaurant',
  'quan pho': 'restaurant', 'quan bun': 'restaurant', 'quan nhau': 'restaurant', 'quan ca phe': 'cafe', 'ca phe': 'cafe', 'cafe': 'cafe',
  'caphe': 'cafe', 'cf': 'cafe', 'coffee': 'cafe', 'quan cafe': 'cafe', 'quan cf': 'cafe', 'quan nuoc': 'cafe', 'giai khat': 'cafe',
  'tra sua': 'cafe', 'quan tra sua': 'cafe', 'doanh nghiep': 'business', 'cong ty': 'business', 'nha xuong': 'business',
  'xe': 'vehicle', 'xe khach': 'vehicle', 'xe buyt': 'vehicle', 'xe bus': 'vehicle', 'phuong tien': 'vehicle', 'tau': 'railway-station',
  'ga': 'railway-station', 'ben do': 'ferry-pier', 'ben pha': 'ferry-pier', 'khu vui choi': 'amusement-area', 'benh vien': 'health-facility',
  'tram y te': 'health-facility', 'phong kham': 'health-facility', 'nha thuoc': 'health-facility', 'y te': 'health-facility',
  'chua': 'place-of-worship', 'nha tho': 'place-of-worship', 'thanh that': 'place-of-worship', 'dinh': 'place-of-worship',
  'mieu': 'place-of-worship', 'ton giao': 'place-of-worship', 'nha ga': 'railway-station', 'ga tau': 'railway-station',
  'ben tau': 'ferry-pier', 'ben xe': 'bus-station', 'sieu thi': 'supermarket', 'nha sach': 'bookshop', 'cho': 'market',
};

/**
 * A type by id, by its Vietnamese name with or without diacritics, by an alias, or by its 1-based
 * number. Read through the shared speech reader ("quan cf", "kafe"); a word it does not know (a bare
 * "quán") gets the list again rather than a silent guess.
 */
export function findVenueType(input: string): VenueType | undefined {
  const raw = input.trim();
  const byId = VENUE_TYPES.find((t) => t.id === raw.toLowerCase());
  if (byId) return byId;
  if (/^\d{1,2}$/.test(raw)) return VENUE_TYPES[Number(raw) - 1];
  const f = fold(raw);
  if (!f) return undefined;
  const std = standardText(raw);

  return (
    VENUE_TYPES.find((t) => fold(t.name) === f) ??
    VENUE_TYPES.find((t) => t.id === (ALIASES[f] ?? ALIASES[std])) ??
    VENUE_TYPES.find((t) => fold(t.name).split(', ').includes(f))
  );
}
