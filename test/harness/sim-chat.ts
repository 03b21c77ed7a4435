import { randomBytes } from 'node:crypto';
import type { TestService } from './service.js';
import { sleep } from './wait.js';

export interface SimMessage {
  readonly id: number;
  readonly part: { type: string; text?: string; caption?: string; url?: string; media?: { mediaId: string; mime: string; filename?: string }; choices?: { label: string; data: string }[] };
}

/**
 * One person talking to the bot through the browser simulator over real HTTP, the real queues and
 * the real conversation core. `send` posts a text or a button press and resolves with the replies
 * of that turn (it waits until the server says the turn is done, see `replies`).
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
    await this.post(input);
    return this.replies(15_000, atLeast);
  }

  /** Sends a message without waiting for its replies (the server has accepted it when this resolves). */
  async post(input: string | { choice: string }): Promise<void> {
    const body = typeof input === 'string' ? { text: input } : { choice: input.choice };
    const res = await fetch(`${this.ts.baseUrl}/chat/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: `m${randomBytes(6).toString('hex')}`, session: this.session, role: this.role, ...body }),
    });
    if (res.status !== 200) throw new Error(`simulator answered ${res.status}: ${await res.text()}`);
  }

  async photo(bytes: Uint8Array, mime = 'image/png'): Promise<SimMessage[]> {
    const res = await fetch(`${this.ts.baseUrl}/chat/api/photo?session=${this.session}&role=${this.role}`, { method: 'POST', headers: { 'content-type': mime }, body: bytes });
    if (res.status !== 200) throw new Error(`simulator answered ${res.status}`);
    return this.replies();
  }

  /**
   * Waits until at least `atLeast` new messages arrived and the server says nothing is in progress
   * for this chat (no accepted message unhandled, no reply queued but undelivered), then returns
   * every new message. No quiet-window guess: a slow render or a slow delivery is still "in progress".
   */
  async replies(timeoutMs = 15_000, atLeast = 1): Promise<SimMessage[]> {
    const got: SimMessage[] = [];
    let cursor = this.seen;
    const end = Date.now() + timeoutMs;
    for (;;) {
      const last = await this.poll(cursor);
      got.push(...last.messages);
      cursor = got.at(-1)?.id ?? cursor;
      if (last.more) continue; // a page of the list: the rest comes with the next call at once
      if (got.length >= atLeast && !last.inProgress) break;
      if (Date.now() > end) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${atLeast} replies in ${this.session} (${this.role}): got ${got.length}, ${last.inProgress ? 'still in progress' : 'nothing in progress'}`);
      }
      await sleep(50);
    }
    this.seen = cursor;
    return got;
  }

  /** The chat's messages after `after` and whether the bot is still working on it (one API call). */
  async poll(after = this.seen): Promise<SimPoll> {
    const res = await fetch(`${this.ts.baseUrl}/chat/api/messages?session=${this.session}&role=${this.role}&after=${after}`);
    if (res.status !== 200) throw new Error(`simulator answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as SimPoll;
  }
}

/** One answer of the simulator's message API. */
export interface SimPoll {
  readonly messages: SimMessage[];
  readonly inProgress: boolean;
  /** More messages wait after these (the list is paged). */
  readonly more?: boolean;
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
