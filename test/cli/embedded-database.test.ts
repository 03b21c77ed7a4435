import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/schema.js';
import { createRuntime } from '../../src/runtime.js';
import { startService } from '../../src/service.js';
import { capture } from '../harness/cli-io.js';


const venue = ['venues:create', '--name', 'Nhà thuốc An Tâm', '--type', 'shop', '--commune', 'Phổ Minh', '--address', '12 Nguyễn Nghiêm', '--phone', '0905123456'];
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'quetma-embedded-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the CLI and the service on the embedded database', () => {
  it('refuses clearly while the service holds the data directory, then works with the service\'s address', async () => {
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', QUEUE_PREFIX: 'qtembedded', SWEEP_INTERVAL_SECONDS: '60' };
    const rt = await createRuntime(loadConfig({ ...env, PORT: '0' }));
    const service = await startService(rt, { port: 0, host: '127.0.0.1' });
    const address = service.app.server.address();
    const port = address && typeof address === 'object' ? address.port : 0;
    try {
      const busy = capture();
      expect(await runCli(venue, env, busy.io)).not.toBe(0);
      expect(busy.err.join('\n')).toMatch(/in use by another quetma process \(pid \d+\).*DATABASE_URL/);
    } finally {
      await service.stop();
    }

    const ok = capture();
    expect(await runCli([...venue, '--out', path.join(dataDir, 'codes')], env, ok.io)).toBe(0);
    const printed = JSON.parse(ok.out[0]!) as { url: string };
    // The CLI's own default would be port 3000; the links must point where the service listened.
    expect(printed.url.startsWith(`http://127.0.0.1:${port}/c/`)).toBe(true);
  }, 180_000); // PGlite starts twice (several seconds each on a busy machine)
});
