import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Metrics } from '../../src/metrics/metrics.js';

interface Panel {
  readonly title: string;
  readonly targets: readonly { readonly expr: string }[];
}

const dashboard = JSON.parse(readFileSync(new URL('../../deploy/grafana-dashboard.json', import.meta.url), 'utf8')) as { panels: Panel[] };

describe('the Grafana dashboard shipped in deploy/', () => {
  it('queries only metrics the service really exports, so no panel stays empty after a rename', async () => {
    const exported = new Set((await new Metrics().registry.getMetricsAsJSON()).map((m) => m.name));
    const used = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => t.expr.match(/quetma_[a-z_]+/g) ?? []));
    expect(used.length).toBeGreaterThan(5);
    for (const name of used) {
      const base = name.replace(/_(bucket|sum|count)$/, '');
      expect(exported.has(name) || exported.has(base), `${name} is not exported`).toBe(true);
    }
  });

  it('covers intake, backlog per priority class, send outcomes and pace, photo decoding and FAQ decisions', () => {
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join('\n');
    for (const needed of ['quetma_webhook_requests_total', 'quetma_queue_waiting', 'quetma_queue_oldest_age_seconds', 'quetma_sends_total', 'quetma_photo_decode_seconds', 'quetma_faq_decisions_total', 'quetma_send_slots_missed_total', 'quetma_send_claim_seconds']) {
      expect(exprs).toContain(needed);
    }
    expect(exprs).toMatch(/by \(queue, priority\)/);
  });
});
