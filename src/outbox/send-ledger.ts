import { performance } from 'node:perf_hooks';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { OutboundRow } from '../db/repos/outbound-repo.js';
import { outboundMessages } from '../db/schema/outbound.js';
import { ClaimLead } from '../pipeline/send-slot.js';

/**
 * Runs `flush` for the items that queued up while the flushes in flight were busy: one caller
 * alone goes at once; under load, everyone who arrived during a round trip shares the next one.
 * The batch grows with the database's latency (group commit done by the caller), so a slow fsync
 * costs one wait per batch instead of one per message. `maxInFlight` flushes may run at once: with
 * one, a single slow statement (its backend descheduled on a busy machine) holds every caller that
 * arrives meanwhile, which is what made a send's claim miss its slot (quetma_send_claim_seconds).
 */
export function whileBusy<I, O>(flush: (items: I[]) => Promise<O[]>, maxBatch = 200, maxInFlight = 1): (item: I) => Promise<O> {
  let queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let inFlight = 0;
  const run = () => {
    if (inFlight >= maxInFlight || queue.length === 0) return;
    inFlight++;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    flush(batch.map((b) => b.item))
      .then(
        (out) => batch.forEach((b, i) => b.resolve(out[i] as O)),
        (err: unknown) => batch.forEach((b) => b.reject(err)),
      )
      .finally(() => {
        inFlight--;
        run();
      });
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      run();
    });
}

type Claimable = Pick<OutboundRow, 'id' | 'channel' | 'botId' | 'chatId' | 'priority'>;
type Finish = { id: number; status: 'sent' | 'failed' | 'unreachable' | 'expired'; platformMessageId?: string; error?: string };

/**
 * The three ledger steps of every send (read the row, claim it, finish it), each batched across
 * the sends in flight. Semantics are those of OutboundRepo.get / claimIfNext / finish, one row at
 * a time: a row is still claimed right before its own platform call and finished right after it.
 */
export class BatchedSendLedger {
  constructor(
    private readonly db: Db,
    private readonly workerId: string,
    private readonly leaseMs: number,
    /** Told each claim's time in ms (metrics). */
    private readonly onClaimTime?: (ms: number) => void,
  ) {}

  readonly get = whileBusy(async (ids: number[]): Promise<(OutboundRow | undefined)[]> => {
    const rows = await this.db.select().from(outboundMessages).where(inArray(outboundMessages.id, [...new Set(ids)]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  });

  /** pending -> sending unless an earlier message to the same chat (as urgent or more) is unsent. */
  private readonly lead = new ClaimLead();

  /** Claims one row (batched with the others in flight), noting how long a claim takes. */
  readonly claim = async (row: Claimable): Promise<boolean> => {
    const started = performance.now();
    try {
      return await this.claimBatch(row);
    } finally {
      const ms = performance.now() - started;
      this.lead.note(ms);
      this.onClaimTime?.(ms);
    }
  };

  /** A high quantile of recent claim times: sends claim this long before their slot. */
  claimLeadMs(): number {
    return this.lead.ms;
  }

  // Up to CLAIMS_IN_FLIGHT claims at once: two claims of one chat cannot both pass the ordering
  // check (the later one sees the earlier pending or sending), and one row's two claims serialise
  // on its row lock, the second finding it no longer pending.
  private readonly claimBatch = whileBusy(async (rows: Claimable[]): Promise<boolean[]> => {
    const now = new Date();
    const result = await this.db.execute(sql`
      update outbound_messages m set status = 'sending', claimed_at = ${now.toISOString()}::timestamptz, claimed_by = ${this.workerId},
        lease_until = ${new Date(now.getTime() + this.leaseMs).toISOString()}::timestamptz, attempts = m.attempts + 1
      where m.id = any(${`{${rows.map((r) => r.id).join(',')}}`}::bigint[]) and m.status = 'pending' and not exists (
        select 1 from outbound_messages e where e.channel = m.channel and e.bot_id = m.bot_id and e.chat_id = m.chat_id
          and e.status in ('pending', 'sending') and e.id < m.id
          and coalesce(array_position(${URGENCY}::text[], e.priority), 9) <= coalesce(array_position(${URGENCY}::text[], m.priority), 9))
      returning m.id`);
    const got = new Set((Array.isArray(result) ? result : ((result as { rows?: { id: unknown }[] }).rows ?? [])).map((r) => Number((r as { id: unknown }).id)));
    // A row asked for twice in one batch (two jobs for it) is won by the first caller only.
    return rows.map((r) => got.delete(r.id));
  }, 200, CLAIMS_IN_FLIGHT);

  /** sending -> final state, with the platform's message id or the error. */
  readonly finish = whileBusy(async (items: Finish[]): Promise<void[]> => {
    const json = JSON.stringify(items.map((f) => ({ id: f.id, status: f.status, pmid: f.platformMessageId ?? null, error: f.error ?? null })));
    await this.db.execute(sql`
      update outbound_messages m set status = v.status, finished_at = now(), platform_message_id = v.pmid, error = v.error
      from jsonb_to_recordset(${json}::jsonb) as v(id bigint, status text, pmid text, error text)
      where m.id = v.id and m.status = 'sending'`);
    return items.map(() => undefined);
  });
}

/** Claim statements a process runs at once (see whileBusy). */
const CLAIMS_IN_FLIGHT = 3;

/** reply > alert > reminder > bulk, as a Postgres array literal (array_position gives the rank). */
const URGENCY = '{reply,alert,reminder,bulk}';
