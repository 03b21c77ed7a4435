import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One queue's backlog as the metrics see it (filled by whoever owns the queues). */
export interface QueueStat {
  readonly queue: string;
  /** Priority class of the messages in it (reply, alert, reminder, bulk), or '' for non-send queues. */
  readonly priority: string;
  readonly waiting: number;
  /** Age of the oldest waiting job in seconds (0 when empty). */
  readonly oldestAgeSeconds: number;
}

/**
 * The service's Prometheus metrics, in a registry of its own (not prom-client's global default),
 * built once with the runtime. Counters are cheap to bump on hot paths; the queue backlog is read
 * only when /metrics is scraped, through `queueStats`.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly webhookRequests = new Counter({ name: 'quetma_webhook_requests_total', help: 'Webhook requests by channel and HTTP status', labelNames: ['channel', 'status'], registers: [this.registry] });
  readonly webhookSeconds = new Histogram({
    name: 'quetma_webhook_duration_seconds',
    help: 'Time to authenticate, store and enqueue a webhook update',
    labelNames: ['channel'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly sends = new Counter({ name: 'quetma_sends_total', help: 'Platform send attempts by channel and outcome (sent, 429, failed, unreachable, expired)', labelNames: ['channel', 'outcome'], registers: [this.registry] });
  /** A send's claim (a commit) before its platform call: its tail decides how early sends must claim (ClaimLead). */
  readonly sendClaim = new Histogram({ name: 'quetma_send_claim_seconds', help: 'Time to claim a ledger row before its platform call (batched with the claims in flight)', buckets: [0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.15, 0.3], registers: [this.registry] });
  /** Slots of a bot's rate given up by sends that would have left late: why a broadcast runs below the platform's rate. */
  readonly sendSlotsMissed = new Counter({ name: 'quetma_send_slots_missed_total', help: 'Pacer slots given up because the send would have left late (before the claim, or after a slow claim)', labelNames: ['channel', 'stage'], registers: [this.registry] });
  readonly photoDecodeSeconds = new Histogram({
    name: 'quetma_photo_decode_seconds',
    help: 'Time to read QR codes from one photo (worker pool, including the wait for a free worker)',
    labelNames: ['found'],
    buckets: [0.05, 0.1, 0.25, 0.5, 0.8, 1.5, 3, 5],
    registers: [this.registry],
  });
  readonly faqDecisions = new Counter({ name: 'quetma_faq_decisions_total', help: 'FAQ decisions: answer, suggest (offer topics), unknown', labelNames: ['decision'], registers: [this.registry] });

  constructor(queueStats: () => Promise<readonly QueueStat[]> = async () => []) {
    collectDefaultMetrics({ register: this.registry, prefix: 'quetma_' });
    // prom-client collects the gauges of one scrape concurrently: they share the one read in
    // flight, so all show the same moment and none lags a scrape behind.
    let inFlight: Promise<readonly QueueStat[]> | undefined;
    const read = (): Promise<readonly QueueStat[]> => {
      if (!inFlight) inFlight = queueStats().finally(() => (inFlight = undefined));
      return inFlight;
    };
    const fill = (gauge: Gauge, pick: (s: QueueStat) => number) => async () => {
      gauge.reset();
      for (const s of await read().catch(() => [])) gauge.set({ queue: s.queue, priority: s.priority }, pick(s));
    };
    const waiting: Gauge = new Gauge({ name: 'quetma_queue_waiting', help: 'Jobs waiting per queue and priority class (send queues: due ledger rows per class)', labelNames: ['queue', 'priority'], registers: [this.registry], collect: () => fill(waiting, (s) => s.waiting)() });
    const oldest: Gauge = new Gauge({ name: 'quetma_queue_oldest_age_seconds', help: 'Age of the oldest waiting job per queue and priority class', labelNames: ['queue', 'priority'], registers: [this.registry], collect: () => fill(oldest, (s) => s.oldestAgeSeconds)() });
    new Gauge({
      name: 'quetma_queue_scrape_ok',
      help: '1 when the queue backlog could be read at the last scrape (Redis and Postgres answered)',
      registers: [this.registry],
      async collect() {
        this.set(await read().then(() => 1, () => 0));
      },
    });
  }
}
