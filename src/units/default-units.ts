import { DEFAULT_COMMUNES } from '../venues/data/communes.js';
import type { AdminUnit } from './types.js';

/**
 * The shipped default: tỉnh Quảng Ngãi with the 2021 units of thị xã Đức Phổ and huyện Bình Sơn
 * (see `src/venues/data/communes.ts` for the sources). Codes equal the commune ids venues already
 * carry, so existing data keeps its communes when the table is first filled.
 */
export function defaultUnits(): AdminUnit[] {
  const province: AdminUnit = { code: 'quang-ngai', name: 'Tỉnh Quảng Ngãi', kind: 'tỉnh', parentCode: null, aliases: [], mergedInto: null };
  const areas: AdminUnit[] = [
    { code: 'duc-pho', name: 'Thị xã Đức Phổ', kind: 'thị xã', parentCode: 'quang-ngai', aliases: [], mergedInto: null },
    { code: 'binh-son', name: 'Huyện Bình Sơn', kind: 'huyện', parentCode: 'quang-ngai', aliases: [], mergedInto: null },
  ];
  const areaByName = new Map(areas.map((a) => [a.name, a.code]));
  const communes = DEFAULT_COMMUNES.map((c): AdminUnit => {
    const kind = c.name.startsWith('Phường') ? 'phường' : c.name.startsWith('Thị trấn') ? 'thị trấn' : 'xã';
    return { code: c.id, name: c.name, kind, parentCode: areaByName.get(c.district) ?? null, aliases: [], mergedInto: null };
  });
  return [province, ...areas, ...communes];
}
