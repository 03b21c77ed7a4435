import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisGuessLimiter } from '../../src/abuse/guess-limiter.js';
import { startTestService, type TestService } from '../harness/service.js';
import { SimChat, textOf } from '../harness/sim-chat.js';

let ts: TestService;
beforeAll(async () => {
  ts = await startTestService({ listen: true });
});
afterAll(async () => {
  await ts?.stop();
});

const codeIn = (text: string) => /LIÊN KẾT (\d{6})/.exec(text)?.[1];

describe('guessing link codes', () => {
  it('holds the wrong-code limit across simulator sessions from one address, even for a real code afterwards', async () => {
    const owner = new SimChat(ts, 'resident');
    const real = codeIn(textOf(await owner.send('liên kết')))!;
    const wrong = (i: number) => String((Number(real) + 1 + i) % 1_000_000).padStart(6, '0');
    const answers: string[] = [];
    // Every guess from a new session: a new chat each time, as the attack in the issue did.
    for (let i = 0; i < 14; i++) answers.push(textOf(await new SimChat(ts, 'resident').send(`liên kết ${wrong(i)}`)));
    const refusedOutright = answers.filter((a) => /quá nhiều lần/.test(a)).length;
    expect(answers.filter((a) => /không đúng/.test(a)).length).toBeLessThanOrEqual(10);
    expect(refusedOutright).toBeGreaterThanOrEqual(4);
    expect(textOf(await new SimChat(ts, 'resident').send(`liên kết ${real}`))).toMatch(/quá nhiều lần/);
  });

  it('limits wrong guesses overall too, whatever chats and addresses they come from', async () => {
    const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
    await redis.connect();
    try {
      const limiter = redisGuessLimiter(redis, `qtguess${randomBytes(4).toString('hex')}`, 'link', { perChat: 5, perClient: 10, overall: 20, windowSeconds: 60 });
      let i = 0;
      // Each guess from a fresh chat and a fresh address: only the overall limit can stop them.
      while (!(await limiter.blocked({ chat: `c${i}`, client: `a${i}` })) && i < 100) {
        await limiter.fail({ chat: `c${i}`, client: `a${i}` });
        i += 1;
      }
      expect(i).toBe(20);
      expect(await limiter.blocked({ chat: 'someone-new', client: 'elsewhere' })).toBe(true);
    } finally {
      redis.disconnect();
    }
  });
});
