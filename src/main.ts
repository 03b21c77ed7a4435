import { ConfigError, loadConfig } from './config/schema.js';
import { createRuntime } from './runtime.js';
import { startService } from './service.js';

/** `npm start`: validate config, build the runtime, serve, and shut down cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const rt = await createRuntime(config);
  const service = await startService(rt, { port: config.PORT, host: config.HOST });
  const channels = rt.adapters.all().map((a) => a.channel).join(', ');
  rt.log.info({ channels, database: rt.database.kind, role: config.ROLE }, `quetma (${config.ROLE}) listening on ${config.publicUrl}${rt.simulator && config.ROLE !== 'worker' ? ' — simulator at /chat' : ''}`);
  const stop = (signal: string) => {
    rt.log.info({ signal }, 'stopping: intake closed, finishing current jobs');
    service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        rt.log.error({ err }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('quetma failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
