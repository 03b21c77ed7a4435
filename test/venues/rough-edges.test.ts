import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkinTexts } from '../../src/checkin/texts.js';
import type { RegistrationRow } from '../../src/db/repos/registration-repo.js';
import { reminderText } from '../../src/registration/reminders.js';
import { checkContactPhone, checkPhone } from '../../src/venues/checks.js';
import { POSTER_HEADLINE, posterLayout } from '../../src/venues/poster-layout.js';
import { findVenueType } from '../../src/venues/venue-types.js';

/** Issue 15's rough edges that need no chat to show. */
describe('rough edges found by a first-time user', () => {
  const poster = { venueName: 'Xe khách Đức Phổ', address: 'Bến xe Đức Phổ', communeName: 'Phường Phổ Minh', url: 'https://x/c/abc', manualCode: 'K7M2QXA' };

  it('prints the plate and the route on a vehicle poster', () => {
    const lines = posterLayout({ ...poster, plate: '76B-012.34', route: 'Đức Phổ - Quảng Ngãi' }).texts.map((t) => t.text).join('\n');
    expect(lines).toContain('Biển số 76B-012.34');
    expect(lines).toContain('Tuyến Đức Phổ - Quảng Ngãi');
    expect(posterLayout(poster).texts.map((t) => t.text).join('\n')).not.toContain('Biển số');
  });

  it('names the headline the poster really carries when a photo holds another code', () => {
    expect(posterLayout(poster).texts.map((t) => t.text)).toContain(POSTER_HEADLINE);
    for (const text of Object.values(checkinTexts.notOurs)) expect(text).toContain(`"${POSTER_HEADLINE}"`);
  });

  it('accepts a landline for a venue, but registration still needs a mobile', () => {
    expect(checkContactPhone('0255 3123 456')).toEqual({ ok: true, value: '02553123456' });
    expect(checkContactPhone('0905 123 456')).toEqual({ ok: true, value: '0905123456' });
    expect(checkContactPhone('0255 312')).toMatchObject({ ok: false });
    expect(checkPhone('0255 3123 456')).toMatchObject({ ok: false });
  });

  it('knows restaurants, cafés, clinics and places of worship, and asks again for a bare "quán"', () => {
    expect(findVenueType('quan ca phe')?.id).toBe('cafe');
    expect(findVenueType('quán cf')?.id).toBe('cafe');
    expect(findVenueType('nhà hàng')?.id).toBe('restaurant');
    expect(findVenueType('phòng khám')?.id).toBe('health-facility');
    expect(findVenueType('chùa')?.id).toBe('place-of-worship');
    expect(findVenueType('quán')).toBeUndefined();
  });

  it('promises only the reminders that will really come', () => {
    const now = new Date('2026-12-01T02:00:00Z'); // 09:00 in Vietnam
    const row = (at: Date) => ({ relation: 'self', fullName: 'Lê Văn Ba', appointmentAt: at, appointmentPlace: 'Trạm y tế' }) as unknown as RegistrationRow;
    const inTwoHours = reminderText(row(new Date(now.getTime() + 2.5 * 3600_000)), 'appointed', now);
    expect(inTwoHours).not.toMatch(/1 ngày/);
    const inThreeDays = reminderText(row(new Date(now.getTime() + 3 * 24 * 3600_000)), 'appointed', now);
    expect(inThreeDays).toMatch(/trước 1 ngày và trước 2 giờ/);
  });

  it('a reminder for a relative says whose appointment it is', () => {
    const now = new Date('2026-12-01T02:00:00Z');
    const at = new Date(now.getTime() + 3 * 24 * 3600_000);
    const mother = { relation: 'mẹ', fullName: 'Nguyễn Thị Hoa', appointmentAt: at, appointmentPlace: 'Trạm y tế' } as unknown as RegistrationRow;
    for (const kind of ['appointed', 'day-before', 'two-hours']) expect(reminderText(mother, kind, now), kind).toContain('Nguyễn Thị Hoa (mẹ)');
    const self = { relation: 'self', fullName: 'Lê Văn Ba', appointmentAt: at, appointmentPlace: 'Trạm y tế' } as unknown as RegistrationRow;
    expect(reminderText(self, 'appointed', now)).not.toContain('(self)');
  });

  it('reads as Vietnamese, not as a translation', () => {
    expect(checkinTexts.decodeBusy).toContain('chưa kịp đọc');
    expect(checkinTexts.closedElsewhere('Chợ')).not.toMatch(/được ghi là đã ra/);
  });

  it('no texts file says "phường, xã", translated time phrases, or that photos are unfinished', async () => {
    const root = fileURLToPath(new URL('../../src/', import.meta.url));
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('texts.ts'));
    expect(files.length).toBeGreaterThan(8);
    const found: string[] = [];
    for (const f of files) {
      const text = await readFile(join(root, f), 'utf8');
      for (const bad of [/phường, xã/i, /ở tương lai/, /ở quá khứ/, /đang được hoàn thiện/, /chưa đọc kịp/, /được ghi là đã ra/]) if (bad.test(text)) found.push(`${f}: ${bad}`);
    }
    expect(found).toEqual([]);
  });
});
