import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { ChannelAdapter } from '../../src/channels/contract.js';
import { loadConfig } from '../../src/config/schema.js';
import type { Clock } from '../../src/domain/clock.js';
import type { FeatureFactory } from '../../src/features.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { startService, type Service } from '../../src/service.js';
import { createTestDatabase } from './database.js';

export const TEST_TELEGRAM_TOKEN = '123456789:TEST-token_abcdefghijklmnopqrstuvwxyz';
export const TEST_TELEGRAM_SECRET = 'test-secret_0123456789';

export interface TestServiceOptions {
  /** Extra or overriding configuration (strings, as in the environment). */
  readonly env?: Record<string, string>;
  readonly features?: FeatureFactory;
  readonly adapters?: readonly ChannelAdapter[];
  readonly clock?: Clock;
  /** Start BullMQ workers and the sweep (default true). */
  readonly workers?: boolean;
  /** Listen on a real port (default: inject only). */
  readonly listen?: boolean;
  /** Use this database URL instead of a fresh one (e.g. through a TCP proxy). */
  readonly databaseUrl?: string;
}

export interface TestService {
  readonly rt: Runtime;
  readonly service: Service | undefined;
  readonly app: Service['app'];
  readonly databaseUrl: string;
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The whole service against real Postgres (a fresh database) and real Redis (a fresh queue
 * prefix), with platform APIs pointed at fakes through configuration. Logs are silent unless
 * TEST_LOG is set.
 */
export async function startTestService(opts: TestServiceOptions = {}): Promise<TestService> {
  const fresh = opts.databaseUrl ? undefined : await createTestDatabase();
  const databaseUrl = opts.databaseUrl ?? fresh!.url;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `qt${randomBytes(4).toString('hex')}`,
    PORT: '0',
    SWEEP_INTERVAL_SECONDS: '1',
    SHUTDOWN_DRAIN_SECONDS: '0',
    // Test clients poll and post far faster than a resident; test/operations/http-edge.test.ts turns limits on.
    RATE_LIMITS: 'false',
    ...opts.env,
  });
  // eslint-disable-next-line no-restricted-properties -- test-only logging switch
  const log = pino({ level: process.env.TEST_LOG ?? 'silent' });
  const rt = await createRuntime(config, { log, ...(opts.features ? { features: opts.features } : {}), ...(opts.adapters ? { adapters: opts.adapters } : {}), ...(opts.clock ? { clock: opts.clock } : {}) });
  let service: Service | undefined;
  let app: Service['app'];
  if (opts.workers === false) {
    const { buildApp } = await import('../../src/app.js');
    app = await buildApp(rt);
    if (opts.listen) await app.listen({ port: 0, host: '127.0.0.1' });
  } else {
    service = await startService(rt, opts.listen ? { port: 0, host: '127.0.0.1' } : undefined);
    app = service.app;
  }
  const address = app.server.address();
  const baseUrl = address && typeof address === 'object' ? `http://127.0.0.1:${address.port}` : '';
  return {
    rt,
    service,
    app,
    databaseUrl,
    baseUrl,
    async stop() {
      if (service) await service.stop();
      else {
        await app.close();
        await rt.close();
      }
      await fresh?.drop();
    },
  };
}
