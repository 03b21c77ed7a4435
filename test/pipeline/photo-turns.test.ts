import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature } from '../../src/conversation/types.js';
import { PhotoTurns } from '../../src/pipeline/photo-turns.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat } from '../harness/sim-chat.js';

/** Photo turns that hang until released (a decoder pool busy with hard photos); text turns answer at once. */
let release!: () => void;
const photosDone = new Promise<void>((r) => (release = r));
const slowPhotos: Feature = {
  name: 'slow-photos',
  image: async () => {
    await photosDone;
    return { replies: [{ type: 'text', text: 'ảnh xong' }], state: {} };
  },
  text: async (_ctx, text) => ({ replies: [{ type: 'text', text: `đã nhận: ${text}` }], state: {} }),
};

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true, env: { INBOUND_CONCURRENCY: '2' }, features: () => [slowPhotos] });
});
afterAll(async () => {
  release();
  await ts?.stop();
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

describe('photos never hold up other chats\' text replies', () => {
  it('caps photo turns at half the inbound slots', () => {
    const gate = PhotoTurns.forConcurrency(8);
    expect([1, 2, 3, 4, 5].map(() => gate.tryAcquire())).toEqual([true, true, true, true, false]);
    gate.release();
    expect(gate.tryAcquire()).toBe(true);
    expect(PhotoTurns.forConcurrency(1).limit).toBe(1);
  });

  it('answers a text while more photos than inbound slots are stuck decoding, then the photos too', async () => {
    const photographers = [1, 2, 3].map(() => new SimChat(ts, 'resident'));
    const pending = photographers.map((c) => c.photo(PNG));
    await new Promise((r) => setTimeout(r, 500));
    const texter = new SimChat(ts, 'resident');
    const [reply] = await texter.send('tin nhắn thử');
    expect(reply!.part.text).toBe('đã nhận: tin nhắn thử');
    release();
    for (const replies of await Promise.all(pending)) expect(replies[0]!.part.text).toBe('ảnh xong');
  });
});
