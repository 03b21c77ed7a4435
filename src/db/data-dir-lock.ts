import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../domain/errors.js';

/**
 * Thrown when another live process holds the embedded database. PGlite is a single-process
 * database: a second process opening the same directory corrupts its view and dies with
 * "RuntimeError: Aborted()", so we refuse up front. Retrying helps only once that process stops.
 */
export class DataDirBusyError extends AppError {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      'data_dir_busy',
      `the embedded database in ${dir} is in use by another quetma process (pid ${pid}). ` +
        'Stop that process first, or run both against one PostgreSQL server (set DATABASE_URL).',
      { retryable: false },
    );
    this.name = 'DataDirBusyError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Lock files this process holds. The lock is a process-wide resource, so this mirror of it is too:
 * it tells our own live lock from a stale one that happens to carry our pid (a container restarted
 * as pid 1 finds the pid-1 lock of its previous life).
 */
const heldHere = new Set<string>();

/**
 * An exclusive lock on an embedded data directory: a file holding the owner's pid, created with
 * O_EXCL. A lock left by a dead process (kill -9, power loss) is taken over.
 */
export async function lockDataDir(dir: string): Promise<{ release(): Promise<void> }> {
  const file = path.join(dir, 'quetma.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldHere.add(file);
      return {
        release: async () => {
          heldHere.delete(file);
          await rm(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      const live = owner === process.pid ? heldHere.has(file) : Number.isInteger(owner) && owner > 0 && alive(owner);
      if (live) throw new DataDirBusyError(dir, owner);
      await rm(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}
