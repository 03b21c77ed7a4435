import { fold } from '../domain/fold.js';
import type { ChannelCapabilities } from '../channels/contract.js';
import type { Config } from '../config/schema.js';
import { addTemplated } from '../outbox/bulk-templated.js';
import type { Db } from '../db/client.js';
import { TracingRepo } from '../db/repos/tracing-repo.js';
import type { VenueOps } from '../venue-ops/index.js';
import { stayMinutesByType } from '../venue-ops/index.js';
import type { TracingDeps, VenueRef } from './deps.js';
import type { AuditLog, Outbox } from './ports.js';

export interface TracingWiring {
  readonly config: Config;
  readonly db: Db;
  readonly venues: VenueOps;
  readonly outbox: Outbox;
  readonly audit: AuditLog;
  now(): Date;
  channelEnabled(channel: string, botId: string): boolean;
  channelHasButtons(channel: string, botId: string): boolean;
  /** The switched-on bot's capabilities (undefined when off), for rendering bulk alerts. */
  capabilities(channel: string, botId: string): ChannelCapabilities | undefined;
}

/** Builds the tracing dependencies once per runtime; chat, CLI and HTTP share them. */
export function createTracing(w: TracingWiring): TracingDeps {
  const { domain, resolver, repo: venueRepo } = w.venues;
  const repo = new TracingRepo(w.db, {
    stayMinutes: stayMinutesByType(domain),
    fallbackStayMinutes: 120,
    vehicleTypes: domain.types.filter((t) => t.vehicle).map((t) => t.id),
  });
  const findVenues = async (input: string, communeIds: readonly string[] | 'all'): Promise<VenueRef[]> => {
    const r = await resolver.fromText(input.trim());
    if (r.kind === 'venue') return [{ id: r.venue.id, name: r.venue.name, communeId: r.venue.communeId, typeId: r.venue.typeId }];
    if (/^#?\d+$/.test(input.trim())) {
      const v = await venueRepo.get(Number(input.trim().replace('#', '')));
      return v && (communeIds === 'all' || communeIds.includes(v.communeId)) ? [{ id: v.id, name: v.name, communeId: v.communeId, typeId: v.typeId }] : [];
    }
    const wanted = fold(input);
    if (wanted.length < 3) return [];
    const all = await venueRepo.list({ communeIds: communeIds === 'all' ? domain.communes.map((c) => c.id) : communeIds }, 5000);
    const exact = all.filter((v) => fold(v.name) === wanted);
    const found = exact.length ? exact : all.filter((v) => fold(v.name).includes(wanted));
    return found.map((v) => ({ id: v.id, name: v.name, communeId: v.communeId, typeId: v.typeId }));
  };
  return {
    db: w.db,
    repo,
    outbox: w.outbox,
    bulkOutbox: { addTemplated: (tx, batch) => addTemplated(tx, { capabilities: w.capabilities, now: w.now }, batch) },
    audit: w.audit,
    settings: {
      tailMinutes: w.config.TRACING_TAIL_MINUTES,
      shareDays: w.config.TRACING_SHARE_DAYS,
      visitRetentionDays: w.config.VISIT_RETENTION_DAYS,
      approvalThreshold: w.config.TRACING_APPROVAL_THRESHOLD,
      retentionDays: w.config.TRACING_RETENTION_DAYS,
    },
    now: w.now,
    communeName: (id) => domain.communeById(id)?.name ?? id,
    findVenues,
    channelEnabled: w.channelEnabled,
    channelHasButtons: w.channelHasButtons,
  };
}
