import { randomBytes } from 'node:crypto';
import type { TestService } from './service.js';
import { sleep, waitFor } from './wait.js';

export interface SimMessage {
  readonly id: number;
  readonly part: { type: string; text?: string; caption?: string; url?: string; media?: { mediaId: string; mime: string; filename?: string }; choices?: { label: string; data: string }[] };
}

/**
 * One person talking to the bot through the browser simulator over real HTTP, the real queues and
 * the real conversation core. `send` posts a text or a button press and resolves with the replies
 * of that turn (it waits until replies stop arriving for a moment).
 */
export class SimChat {
  private seen = 0;
  readonly session: string;

  constructor(
    private readonly ts: TestService,
    readonly role: 'resident' | 'owner' = 'resident',
    session?: string,
  ) {
    this.session = session ?? `s${randomBytes(6).toString('hex')}`;
  }

  /** Sends a message and returns the replies (see `replies` for `atLeast`). */
  async send(input: string | { choice: string }, atLeast = 1): Promise<SimMessage[]> {
    const body = typeof input === 'string' ? { text: input } : { choice: input.choice };
    const res = await fetch(`${this.ts.baseUrl}/chat/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: `m${randomBytes(6).toString('hex')}`, session: this.session, role: this.role, ...body }),
    });
    if (res.status !== 200) throw new Error(`simulator answered ${res.status}: ${await res.text()}`);
    return this.replies(15_000, atLeast);
  }

  async photo(bytes: Uint8Array, mime = 'image/png'): Promise<SimMessage[]> {
    const res = await fetch(`${this.ts.baseUrl}/chat/api/photo?session=${this.session}&role=${this.role}`, { method: 'POST', headers: { 'content-type': mime }, body: bytes });
    if (res.status !== 200) throw new Error(`simulator answered ${res.status}`);
    return this.replies();
  }

  /**
   * Waits for at least `atLeast` new messages, then until no more arrive for 300 ms. A turn whose
   * replies take long to render (a poster PDF on a busy machine) names how many it sends, so a
   * pause between two of them is not taken for its end.
   */
  async replies(timeoutMs = 15_000, atLeast = 1): Promise<SimMessage[]> {
    const got = await waitFor(async () => {
      const m = await this.fetchAfter(this.seen);
      return m.length >= atLeast && m;
    }, `${atLeast} replies in ${this.session}`, timeoutMs);
    let all = got;
    for (;;) {
      await sleep(300);
      const more = await this.fetchAfter(all.at(-1)!.id);
      if (more.length === 0) break;
      all = [...all, ...more];
    }
    this.seen = all.at(-1)!.id;
    return all;
  }

  private async fetchAfter(after: number): Promise<SimMessage[]> {
    const res = await fetch(`${this.ts.baseUrl}/chat/api/messages?session=${this.session}&role=${this.role}&after=${after}`);
    return ((await res.json()) as { messages: SimMessage[] }).messages;
  }
}

/** All texts (and captions) of a turn's replies, joined, for assertions. */
export const textOf = (ms: readonly SimMessage[]) => ms.map((m) => m.part.text ?? m.part.caption ?? '').join('\n');
export const choicesOf = (ms: readonly SimMessage[]) => ms.flatMap((m) => m.part.choices ?? []);

/** The tap on the button whose label matches, ready for `SimChat.send`; throws, listing the buttons, when none does. */
export const pick = (ms: readonly SimMessage[], label: RegExp) => {
  const c = choicesOf(ms).find((x) => label.test(x.label));
  if (!c) throw new Error(`no choice ${label} in ${JSON.stringify(choicesOf(ms))}`);
  return { choice: c.data };
};
