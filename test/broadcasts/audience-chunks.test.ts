import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachAudienceChunk, resolveAudience, type AudienceOptions, type Candidate } from '../../src/broadcasts/audience.js';
import { seedResidents } from '../harness/broadcasts.js';
import { startTestService, type TestService } from '../harness/service.js';

const COMMUNE = 'duc-pho/pho-khanh';
let ts: TestService;

beforeAll(async () => {
  ts = await startTestService({ workers: false });
});
afterAll(async () => {
  await ts?.stop();
});

describe('resolving a large audience', () => {
  it('hands people over in bounded chunks, with the same answer as resolving everyone at once', async () => {
    await seedResidents(ts.rt.db, 11, { channel: 'web', botId: 'simulator', communeId: COMMUNE, consent: true, prefix: 'chunk-yes-' });
    await seedResidents(ts.rt.db, 3, { channel: 'web', botId: 'simulator', communeId: COMMUNE, consent: false, prefix: 'chunk-no-' });
    const o: AudienceOptions = { communeIds: [COMMUNE], audience: 'residents', now: new Date(), dailyCap: 2, liveBots: new Set(['web:simulator']) };
    const whole = await resolveAudience(ts.rt.db, o);
    expect(whole).toHaveLength(14);
    expect(whole.filter((c) => c.exclusion === 'opted-out')).toHaveLength(3);

    const sizes: number[] = [];
    const chunked: Candidate[] = [];
    await forEachAudienceChunk(
      ts.rt.db,
      o,
      async (c) => {
        sizes.push(c.length);
        chunked.push(...c);
      },
      4,
    );
    expect(sizes).toEqual([4, 4, 4, 2]);
    expect(chunked).toEqual(whole);
  });
});
