import { ConfigError, loadConfig, processEnv } from '../config/schema.js';
import type { Runtime } from '../runtime.js';
import type { CliContext } from './command.js';
import { commands } from './commands/index.js';

/** `npm run cli -- <command> [args]`: dispatches to one command, closes what it opened, sets the exit code. */
export async function runCli(argv: string[], env: Record<string, string | undefined>, io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l) }): Promise<number> {
  const [name, ...args] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`usage: npm run cli -- <command>\n\n${commands.map((c) => `  ${c.usage.padEnd(60)} ${c.summary}`).join('\n')}`);
    return name ? 2 : 0;
  }
  let config;
  try {
    config = loadConfig({ LOG_LEVEL: 'warn', ...env });
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(err.message);
      return 78;
    }
    throw err;
  }
  let runtime: Promise<Runtime> | undefined;
  const ctx: CliContext = {
    io,
    config,
    runtime: () => (runtime ??= import('../runtime.js').then((m) => m.createRuntime(config, { publishedUrl: true }))),
  };
  try {
    return await command.run(args, ctx);
  } catch (err) {
    io.err(`${command.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    // A runtime that failed to start (already reported above) has nothing to close.
    if (runtime) await runtime.then((r) => r.close(), () => undefined);
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  runCli(process.argv.slice(2), processEnv()).then((code) => process.exit(code));
}
