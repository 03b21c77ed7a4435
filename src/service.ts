import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { autoCheckoutNotifier } from './checkin/auto-checkout-notice.js';
import { runVisitMaintenance, type MaintenanceOptions } from './checkin/maintenance.js';
import { VisitRepo } from './db/repos/visit-repo.js';
import { startSweeper } from './pipeline/sweep.js';
import { startRecovery } from './outbox/recovery.js';
import { repairReminders } from './registration/reminder-repair.js';
import { startMaintenance } from './queue/maintenance-queue.js';
import { runRetention, type RetentionOptions } from './privacy/retention.js';
import { RetentionRepo } from './db/repos/retention-repo.js';
import { stayMinutesByType } from './venue-ops/index.js';
import { RegistrationRepo } from './db/repos/registration-repo.js';
import { processReminder } from './registration/reminders.js';
import { startWorkers, type RunningWorkers } from './queue/workers.js';
import { PUBLISHED_URL_KEY, type Runtime } from './runtime.js';
import { SettingsRepo } from './db/repos/settings-repo.js';
import { purgeTracing } from './tracing/retention.js';
import { startBroadcastEngine } from './broadcasts/index.js';

/** The service in one process: HTTP intake, workers and the sweep, or one side of it (ROLE). */
export interface Service {
  readonly app: FastifyInstance;
  /** The queue workers; undefined in a `web` process. */
  readonly workers: RunningWorkers | undefined;
  /**
   * Drains and stops: readiness turns 503 first (SHUTDOWN_DRAIN_SECONDS), then intake closes and
   * workers get SHUTDOWN_DEADLINE_SECONDS to finish their current jobs; jobs still running then are
   * released (their locks lapse and another worker takes them), and every connection is closed.
   */
  stop(): Promise<void>;
}

export async function startService(rt: Runtime, listen?: { port: number; host: string }): Promise<Service> {
  const role = rt.config.ROLE;
  let draining = false;
  const app = await buildApp(rt, { intake: role !== 'worker', draining: () => draining });
  const background = role === 'web' ? undefined : await startBackground(rt);
  if (listen) {
    await app.listen(listen);
    await publishUrl(rt, app);
  }
  let stopping: Promise<void> | undefined;
  return {
    app,
    workers: background?.workers,
    stop() {
      stopping ??= (async () => {
        draining = true;
        if (listen && rt.config.SHUTDOWN_DRAIN_SECONDS > 0) await sleep(rt.config.SHUTDOWN_DRAIN_SECONDS * 1000);
        await app.close();
        await background?.stop(rt.config.SHUTDOWN_DEADLINE_SECONDS * 1000);
        await rt.close();
      })();
      return stopping;
    },
  };
}

/** How often scheduled reminders are checked against their Redis jobs (well under any reminder's lead time). */
const REMINDER_REPAIR_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Queue workers, reminders, the sweep and maintenance: everything a `worker` process runs. */
async function startBackground(rt: Runtime): Promise<{ workers: RunningWorkers; stop(deadlineMs: number): Promise<void> }> {
  const workers = startWorkers(
    { redisUrl: rt.config.REDIS_URL, prefix: rt.config.QUEUE_PREFIX, inboundConcurrency: rt.config.INBOUND_CONCURRENCY, log: rt.log, onSendOutcome: (channel, outcome) => rt.metrics.sends.inc({ channel, outcome }) },
    rt.deps.inbound,
    rt.deps.outbound,
    rt.adapters.all(),
  );
  rt.registrations.reminders.start((job) => processReminder(rt.registrations.ports, job));
  await rt.sendWorker.start();
  // This process may bring a new token (configuration changed): a paused bot tries it with its next message.
  for (const a of rt.adapters.all()) {
    await rt.pausedBots.retryNow(a.channel, a.botId).catch((err: unknown) => rt.log.warn({ err, channel: a.channel }, 'bot pause not checked at start-up'));
  }
  const recovery = startRecovery({ db: rt.db, enqueue: (jobs) => rt.queues.enqueueOutboxJobs(jobs), log: rt.log });
  const repair = () =>
    repairReminders(rt.db, rt.registrations.ports).then(
      (n) => n > 0 && rt.log.debug({ scheduled: n }, 'reminder jobs checked'),
      (err: unknown) => rt.log.warn({ err: String(err) }, 'reminder repair failed; will retry'),
    );
  void repair();
  const repairTimer = setInterval(() => void repair(), REMINDER_REPAIR_MS);
  repairTimer.unref();
  const sweeper = startSweeper(rt.deps.sweep, rt.config.SWEEP_INTERVAL_SECONDS * 1000);
  const broadcastEngine = startBroadcastEngine(rt.broadcasts, rt.config.BROADCAST_TICK_MS);
  const maintenance = await startMaintenance(
    { redisUrl: rt.config.REDIS_URL, prefix: rt.config.QUEUE_PREFIX, everyMs: rt.config.MAINTENANCE_INTERVAL_MINUTES * 60_000, log: rt.log },
    maintenanceTasks(rt),
  );
  return {
    workers,
    async stop(deadlineMs) {
      sweeper.stop();
      await broadcastEngine.stop();
      recovery.stop();
      clearInterval(repairTimer);
      const finished = Promise.allSettled([maintenance.close(), workers.close()]);
      const late = await Promise.race([finished.then(() => false), sleep(deadlineMs).then(() => true)]);
      if (!late) {
        await rt.sendWorker.stop();
        return;
      }
      rt.log.warn({ deadlineMs }, 'jobs still running at the shutdown deadline: releasing them to other workers');
      await Promise.allSettled(workers.workers.map((w) => w.close(true)));
    },
  };
}

/** Records where this service answers, so the CLI prints links to it (PUBLIC_URL, else the bound port). */
async function publishUrl(rt: Runtime, app: FastifyInstance): Promise<void> {
  const address = app.server.address();
  const local = address && typeof address === 'object' ? `http://${rt.config.HOST === '0.0.0.0' || rt.config.HOST === '::' ? '127.0.0.1' : rt.config.HOST}:${address.port}` : rt.config.publicUrl;
  await new SettingsRepo(rt.db).set(PUBLISHED_URL_KEY, rt.config.PUBLIC_URL ? rt.config.publicUrl : local);
}

/** The periodic jobs: Zalo OA token refresh ahead of expiry, registration personal-data retention, automatic check-out after a venue type's usual stay, visit retention. */
function maintenanceTasks(rt: Runtime): { name: string; run: () => Promise<unknown> }[] {
  const visits = new VisitRepo(rt.db);
  const visitOptions = visitMaintenanceOptions(rt);
  return [
    ...rt.bots.zaloTokens.map((tokens, i) => ({
      name: i === 0 ? 'zalo-oa-token' : `zalo-oa-token-${i + 1}`,
      run: async () => {
        const refreshed = await tokens.refreshIfDue();
        // A fresh token: an OA paused for a rejected token tries again with its next message.
        const oa = rt.bots.zaloOa[i];
        if (refreshed && oa) await rt.pausedBots.retryNow(oa.channel, oa.botId);
        return refreshed;
      },
    })),
    {
      name: 'registration-retention',
      run: () => new RegistrationRepo(rt.db).purgePersonalData(new Date(rt.clock.now().getTime() - rt.config.REGISTRATION_RETENTION_DAYS * 24 * 3600_000), rt.clock.now()),
    },
    {
      name: 'retention',
      run: () => runRetention(new RetentionRepo(rt.db), rt.clock.now(), retentionOptions(rt), rt.log),
    },
    {
      name: 'visits',
      run: () => runVisitMaintenance(visits, rt.clock.now(), visitOptions, rt.log),
    },
    { name: 'tracing-retention', run: () => purgeTracing(rt.tracing) },
  ];
}

/** The retention pass's periods, from the configuration. */
export function retentionOptions(rt: Runtime): RetentionOptions {
  return { sentBodyDays: rt.config.SENT_MESSAGE_RETENTION_DAYS, simulatorHours: rt.config.SIMULATOR_RETENTION_HOURS, questionDays: rt.config.QUESTION_RETENTION_DAYS };
}

/** Retention, usual stays per venue type, and the automatic check-out notice bound to the runtime. */
export function visitMaintenanceOptions(rt: Runtime): MaintenanceOptions {
  return {
    retentionDays: rt.config.VISIT_RETENTION_DAYS,
    stayMinutes: stayMinutesByType(rt.venues.domain),
    fallbackStayMinutes: 120,
    notify: rt.config.AUTO_CHECKOUT_NOTICE
      ? autoCheckoutNotifier(rt.outbox)
      : undefined,
  };
}
