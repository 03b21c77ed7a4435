import { fold } from '../domain/fold.js';
import type { VenueType } from '../venue-ops/ports.js';

/**
 * The venue types the 2021 directives named (offices, schools, shops, stations, vehicles...) plus
 * market, health facility, place of worship and other. `stayMinutes` is the usual stay after which
 * an open visit is checked out automatically (issue 5); officials can tune it here.
 */
export const VENUE_TYPES: readonly VenueType[] = [
  { id: 'office', name: 'Cơ quan, đơn vị', vehicle: false, stayMinutes: 540 },
  { id: 'school', name: 'Trường học', vehicle: false, stayMinutes: 480 },
  { id: 'training-centre', name: 'Trung tâm đào tạo', vehicle: false, stayMinutes: 240 },
  { id: 'business', name: 'Doanh nghiệp, nhà xưởng', vehicle: false, stayMinutes: 540 },
  { id: 'shop', name: 'Cửa hàng', vehicle: false, stayMinutes: 60 },
  { id: 'supermarket', name: 'Siêu thị', vehicle: false, stayMinutes: 90 },
  { id: 'bookshop', name: 'Nhà sách', vehicle: false, stayMinutes: 60 },
  { id: 'market', name: 'Chợ', vehicle: false, stayMinutes: 90 },
  { id: 'railway-station', name: 'Ga tàu', vehicle: false, stayMinutes: 120 },
  { id: 'ferry-pier', name: 'Bến đò, bến phà', vehicle: false, stayMinutes: 60 },
  { id: 'bus-station', name: 'Bến xe', vehicle: false, stayMinutes: 90 },
  { id: 'vehicle', name: 'Phương tiện giao thông công cộng', vehicle: true, stayMinutes: 180 },
  { id: 'amusement-area', name: 'Khu vui chơi, giải trí', vehicle: false, stayMinutes: 180 },
  { id: 'health-facility', name: 'Cơ sở y tế', vehicle: false, stayMinutes: 180 },
  { id: 'place-of-worship', name: 'Cơ sở tôn giáo', vehicle: false, stayMinutes: 120 },
  { id: 'other', name: 'Khác', vehicle: false, stayMinutes: 120 },
];

/** Words people use for a type that are not its display name. */
const ALIASES: Readonly<Record<string, string>> = {
  'co quan': 'office', 'don vi': 'office', 'uy ban': 'office', 'truong': 'school', 'tiem': 'shop', 'tap hoa': 'shop', 'quan': 'shop',
  'quan an': 'shop', 'nha hang': 'shop', 'quan ca phe': 'shop', 'doanh nghiep': 'business', 'cong ty': 'business', 'nha xuong': 'business',
  'xe': 'vehicle', 'xe khach': 'vehicle', 'xe buyt': 'vehicle', 'xe bus': 'vehicle', 'phuong tien': 'vehicle', 'tau': 'railway-station',
  'ga': 'railway-station', 'ben do': 'ferry-pier', 'ben pha': 'ferry-pier', 'khu vui choi': 'amusement-area', 'benh vien': 'health-facility',
  'tram y te': 'health-facility', 'phong kham': 'health-facility', 'chua': 'place-of-worship', 'nha tho': 'place-of-worship',
};

/** A type by id, by its Vietnamese name with or without diacritics, by an alias, or by its 1-based number. */
export function findVenueType(input: string): VenueType | undefined {
  const raw = input.trim();
  const byId = VENUE_TYPES.find((t) => t.id === raw.toLowerCase());
  if (byId) return byId;
  if (/^\d{1,2}$/.test(raw)) return VENUE_TYPES[Number(raw) - 1];
  const f = fold(raw);
  if (!f) return undefined;
  return VENUE_TYPES.find((t) => fold(t.name) === f) ?? VENUE_TYPES.find((t) => t.id === ALIASES[f]) ?? VENUE_TYPES.find((t) => fold(t.name).split(', ').includes(f));
}
