import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecodedPhoto } from '../../src/checkin/resolver.js';
import { defaultFeatures } from '../../src/features.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, textOf } from '../harness/sim-chat.js';

/**
 * What the decoder answers for the next photo: the real pool's answers depend on the photo's
 * pixels, and no photo reliably yields a code read once and never confirmed, so the check-in
 * feature is given the decoder's verdict directly.
 */
let next: DecodedPhoto = { texts: [], unconfirmed: 0 };

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true, features: (host) => defaultFeatures({ ...host, decodePhoto: async () => next }) });
});
afterAll(async () => {
  await ts?.stop();
});

const photo = () => sharp({ create: { width: 64, height: 64, channels: 3, background: '#9a9a9a' } }).jpeg().toBuffer();

describe('a photo whose code could not be read with confidence', () => {
  it('says the code is not a venue code (or too unclear), never that there is no code', { timeout: 60_000 }, async () => {
    const resident = new SimChat(ts, 'resident');
    next = { texts: [], unconfirmed: 1 };
    const unsure = textOf(await resident.photo(await photo(), 'image/jpeg'));
    expect(unsure).toContain('không phải mã khai báo ra vào');
    expect(unsure).toContain('chưa đủ rõ');
    expect(unsure).not.toContain('không tìm thấy mã QR');
    next = { texts: [], unconfirmed: 0 };
    expect(textOf(await resident.photo(await photo(), 'image/jpeg'))).toContain('không tìm thấy mã QR');
  });
});
