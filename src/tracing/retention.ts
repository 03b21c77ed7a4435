import type { TracingDeps } from './deps.js';

/**
 * Retention (TRACING_RETENTION_DAYS): an event, its windows and its alert rows are deleted that many
 * days after it closed (or after it was opened, if nobody closed it); spent or expired share codes
 * go at once. Runs with the periodic maintenance.
 */
export async function purgeTracing(deps: TracingDeps): Promise<number> {
  const now = deps.now();
  const events = await deps.repo.events.purgeBefore(new Date(now.getTime() - deps.settings.retentionDays * 24 * 3600_000));
  await deps.repo.shareCodes.purgeExpired(now);
  return events;
}
