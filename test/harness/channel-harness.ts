import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { ChannelAdapter, InboundEvent, OutboundMessage } from '../../src/channels/contract.js';
import { inboundUpdates } from '../../src/db/schema/inbound.js';
import type { TestService } from './service.js';

/**
 * The shared channel harness (after nyaruka/courier's handler tests): every platform supplies the
 * same two tables, and the same assertions run for all of them.
 *
 * Inbound: a fixture shaped like the platform's real webhook body, how to authenticate it, and
 * the expected HTTP status, whether it is stored, and the neutral event it becomes.
 * Outbound: a neutral message and the API requests the platform's fake must have received.
 */
export interface InboundCase {
  readonly name: string;
  /** The body: an object is sent as JSON; a string is sent verbatim (malformed bodies). */
  readonly body: unknown;
  /** 'valid' signs/authenticates as the platform would; otherwise these exact headers. */
  readonly auth: 'valid' | Record<string, string>;
  readonly status: number;
  /** Whether a row must exist afterwards (default: status === 200). */
  readonly stored?: boolean;
  /** Expected neutral event (a subset), or null for stored-and-ignored updates. */
  readonly event?: Partial<InboundEvent> | null;
}

export interface OutboundCase {
  readonly name: string;
  readonly message: OutboundMessage;
  /** Check the API requests the fake recorded for this send. */
  readonly expectCalls: (calls: readonly { method: string; params: Record<string, unknown> }[]) => void;
}

export interface ChannelUnderTest {
  readonly ts: TestService;
  readonly adapter: ChannelAdapter;
  readonly path: string;
  /** Headers that authenticate `rawBody` the way the platform does. */
  authHeaders(rawBody: string): Record<string, string>;
  /** API requests the platform fake has recorded so far. */
  calls(): readonly { method: string; params: Record<string, unknown> }[];
}

export function inboundCases(get: () => ChannelUnderTest, cases: readonly InboundCase[]): void {
  for (const c of cases) {
    it(`inbound: ${c.name}`, async () => {
      const t = get();
      const raw = typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
      const headers = { 'content-type': 'application/json', ...(c.auth === 'valid' ? t.authHeaders(raw) : c.auth) };
      const before = await countRows(t);
      const res = await t.ts.app.inject({ method: 'POST', url: t.path, headers, payload: raw });
      expect(res.statusCode, res.body).toBe(c.status);
      expect(() => JSON.parse(res.body)).not.toThrow();
      const stored = (await countRows(t)) > before;
      expect(stored).toBe(c.stored ?? c.status === 200);
      if (c.event !== undefined) {
        const parsed = t.adapter.parse(JSON.parse(raw));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          if (c.event === null) expect(parsed.event).toBeNull();
          else expect(parsed.event).toMatchObject(c.event);
        }
      }
    });
  }
}

export function outboundCases(get: () => ChannelUnderTest, cases: readonly OutboundCase[]): void {
  for (const c of cases) {
    it(`outbound: ${c.name}`, async () => {
      const t = get();
      const before = t.calls().length;
      await t.adapter.send(c.message);
      c.expectCalls(t.calls().slice(before));
    });
  }
}

async function countRows(t: ChannelUnderTest): Promise<number> {
  const rows = await t.ts.rt.db.select({ id: inboundUpdates.id }).from(inboundUpdates).where(eq(inboundUpdates.channel, t.adapter.channel));
  return rows.length;
}
