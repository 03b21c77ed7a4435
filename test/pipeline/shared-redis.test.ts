import { describe, expect, it } from 'vitest';
import { startTestService } from '../harness/service.js';
import { SimChat, textOf } from '../harness/sim-chat.js';

describe('two databases behind one Redis and one QUEUE_PREFIX', () => {
  it('keeps their queues apart, so a fresh database is not starved by old job ids', async () => {
    const env = { QUEUE_PREFIX: `qtshared${Date.now()}` };
    for (const round of [1, 2]) {
      const ts = await startTestService({ listen: true, env });
      try {
        const chat = new SimChat(ts, 'resident', `shared_round_${round}`);
        expect(textOf(await chat.send('/start')), `round ${round}`).toContain('Xin chào');
      } finally {
        await ts.stop();
      }
    }
  });
});
