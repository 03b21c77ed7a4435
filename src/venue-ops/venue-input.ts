import type { VenueDomain } from './ports.js';
import type { VenueDraft } from './venue-service.js';
import { venueInputTexts } from './texts.js';

export interface RawVenueInput {
  readonly name?: string | undefined;
  readonly type?: string | undefined;
  readonly commune?: string | undefined;
  readonly address?: string | undefined;
  readonly phone?: string | undefined;
  readonly plate?: string | undefined;
  readonly route?: string | undefined;
  readonly label?: string | undefined;
}

/**
 * Validates an official's venue input (CLI flags or a CSV row) the same way the chat flow does.
 * `--type` takes an id or a Vietnamese name; `--commune` a name with or without diacritics, and
 * must match exactly one commune.
 */
export function checkVenueInput(domain: VenueDomain, raw: RawVenueInput): { ok: true; draft: VenueDraft } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const take = <T>(r: { ok: true; value: T } | { ok: false; reason: string }, field: string): T | undefined => {
    if (r.ok) return r.value;
    errors.push(`${field}: ${r.reason}`);
    return undefined;
  };
  const name = take(domain.checkName(raw.name ?? ''), 'name');
  const type = domain.findType(raw.type ?? '');
  if (!type) errors.push(venueInputTexts.typeKhongCoLoaiDia(raw.type ?? ''));
  const communes = domain.searchCommunes(raw.commune ?? '');
  if (communes.length !== 1) errors.push(communes.length === 0 ? venueInputTexts.communeKhongTimThay(raw.commune ?? '') : venueInputTexts.communeKhopNhieuNoi(raw.commune ?? '', communes.map((c) => c.name).join(', ')));
  const address = take(domain.checkAddress(raw.address ?? ''), 'address');
  const phone = take(domain.checkPhone(raw.phone ?? ''), 'phone');
  const plate = type?.vehicle ? take(domain.checkPlate(raw.plate ?? ''), 'plate') : undefined;
  if (type?.vehicle && !(raw.route ?? '').trim()) errors.push(venueInputTexts.routeBatBuocVoiPhuong);
  if (errors.length > 0 || !name || !type || !address || !phone) return { ok: false, errors };
  return {
    ok: true,
    draft: { name, typeId: type.id, communeId: communes[0]!.id, address, phone, plate: plate ?? null, route: raw.route?.trim() || null, label: raw.label?.trim() || null },
  };
}
