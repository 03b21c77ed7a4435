import type { Config } from '../config/schema.js';
import type { Runtime } from '../runtime.js';

/** Output sinks, injectable so tests can capture a command's JSON lines. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliContext {
  readonly io: CliIo;
  readonly config: Config;
  /** Opens the full runtime (database, queues) on first call; the CLI closes it on exit. */
  runtime(): Promise<Runtime>;
}

/**
 * One `npm run cli -- <name> ...` command. `run` returns the process exit code: 0 success,
 * 1 partial failure (some rows bad), 2 usage error.
 */
export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}
