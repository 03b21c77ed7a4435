import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { communeReport } from '../../src/venue-ops/reports.js';
import { startTestService, type TestService } from '../harness/service.js';
import { capture } from '../harness/cli-io.js';


let ts: TestService;
let dir: string;
let env: Record<string, string>;
beforeAll(async () => {
  ts = await startTestService({ workers: false });
  dir = await mkdtemp(path.join(tmpdir(), 'quetma-units-'));
  env = { DATABASE_URL: ts.databaseUrl, QUEUE_PREFIX: 'qtunits', LOG_LEVEL: 'silent' };
});
afterAll(async () => {
  await ts?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  const c = capture();
  const code = await runCli(args, env, c.io);
  return { code, out: c.out, err: c.err };
}

/** The 2025 reform in Đức Phổ: several wards became one, named after the town. */
const reform = [
  'code,name,kind,parent_code,aliases',
  'quang-ngai/duc-pho,Phường Đức Phổ,phường,quang-ngai,Phổ Minh|Nguyễn Nghiêm|Phổ Vinh',
  'quang-ngai/sa-huynh,Phường Sa Huỳnh,phường,quang-ngai,Phổ Thạnh|Phổ Châu',
  'quang-ngai/bad,Xã Lạ,làng,quang-ngai,',
  'quang-ngai/orphan,Xã Mồ Côi,xã,khong-co,',
].join('\n');

describe('administrative units are data', () => {
  it('starts with the shipped Đức Phổ and Bình Sơn units', async () => {
    const { domain } = ts.rt.venues;
    expect(domain.communes).toHaveLength(37);
    expect(domain.searchCommunes('pho minh').map((c) => c.name)).toEqual(['Phường Phổ Minh']);
    expect(domain.communeById('binh-son/chau-o')?.district).toBe('Huyện Bình Sơn');
  });

  it('imports units, merges the ones a new unit names as aliases, and reports bad rows by line', async () => {
    const venue = await ts.rt.venues.service.register({ name: 'Chợ Phổ Minh', typeId: 'market', communeId: 'duc-pho/pho-minh', address: '1 Lê Lợi', phone: '0905123456' });
    const file = path.join(dir, 'reform.csv');
    await writeFile(file, `\uFEFF${reform}\n`);
    const r = await cli(['units:import', file]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([expect.stringMatching(/^line 4: unknown kind "làng"/), expect.stringMatching(/^line 5: unknown parent_code "khong-co"/)]);
    const summary = JSON.parse(r.out[0]!);
    expect(summary).toMatchObject({ added: 2, rejected: 2 });
    expect(summary.merged).toEqual(
      expect.arrayContaining([
        { from: 'duc-pho/pho-minh', into: 'quang-ngai/duc-pho' },
        { from: 'duc-pho/nguyen-nghiem', into: 'quang-ngai/duc-pho' },
        { from: 'duc-pho/pho-chau', into: 'quang-ngai/sa-huynh' },
      ]),
    );

    // The running service notices the import without a restart.
    expect(await ts.rt.venues.units.refresh()).toBe(true);
    const { domain } = ts.rt.venues;
    expect(domain.searchCommunes('Phổ Minh').map((c) => c.name)).toEqual(['Phường Đức Phổ']);
    expect(domain.searchCommunes('pho chau').map((c) => c.id)).toEqual(['quang-ngai/sa-huynh']);
    expect(domain.communes.map((c) => c.id)).not.toContain('duc-pho/pho-minh');
    // History keeps the name the venue was registered under.
    expect(domain.communeById(venue.venue.communeId)?.name).toBe('Phường Phổ Minh');
    expect(domain.communeById('quang-ngai/duc-pho')?.district).toBe('Tỉnh Quảng Ngãi');
    // Reports count the old ward's venue for the ward it became.
    const [row] = await communeReport(domain, ts.rt.venues.repo, ['quang-ngai/duc-pho'], new Date());
    expect(row).toMatchObject({ communeName: 'Phường Đức Phổ', venues: 1, codes: 1 });
  });

  it('renames a unit keeping its code, and the old name still finds it', async () => {
    const r = await cli(['units:rename', 'binh-son/chau-o', 'Xã Bình Sơn']);
    expect(r.code).toBe(0);
    await ts.rt.venues.units.refresh();
    const found = ts.rt.venues.domain.searchCommunes('Châu Ổ');
    expect(found.map((c) => [c.id, c.name])).toEqual([['binh-son/chau-o', 'Xã Bình Sơn']]);
  });

  it('lists units, and with --replace retires the ones left out', async () => {
    const only = path.join(dir, 'only.csv');
    await writeFile(only, 'code,name,kind,parent_code,aliases\nquang-ngai,Tỉnh Quảng Ngãi,tỉnh,,\nquang-ngai/duc-pho,Phường Đức Phổ,phường,quang-ngai,Phổ Minh\n');
    const r = await cli(['units:import', only, '--replace']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0]!).retired).toContain('binh-son/binh-an');
    const list = await cli(['units:list', '--kind', 'phường']);
    expect(list.out.map((l) => JSON.parse(l).code)).toEqual(['quang-ngai/duc-pho']);
    await ts.rt.venues.units.refresh();
    expect(ts.rt.venues.domain.communes.map((c) => c.id)).toEqual(['quang-ngai/duc-pho']);
    expect(ts.rt.venues.domain.communeById('binh-son/binh-an')?.name).toBe('Xã Bình An');
  });
});
