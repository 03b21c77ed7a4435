import net from 'node:net';

/**
 * Runs once before the suites: the tests use the real Postgres and Redis of this machine and fail
 * loudly, with the command that starts them, when either is down (never skip).
 */
function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

export default async function setup(): Promise<void> {
  const missing = [];
  if (!(await reachable(5432))) missing.push('PostgreSQL on 127.0.0.1:5432');
  if (!(await reachable(6379))) missing.push('Redis on 127.0.0.1:6379');
  if (missing.length > 0) throw new Error(`Tests need ${missing.join(' and ')}; start them (see .ci/run).`);
}
