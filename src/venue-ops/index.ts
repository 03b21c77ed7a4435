import type { Logger } from 'pino';
import type { Config } from '../config/schema.js';
import type { Db } from '../db/client.js';
import { SettingsRepo } from '../db/repos/settings-repo.js';
import { VenueRepo } from '../db/repos/venue-repo.js';
import { createVenueDomain } from '../venues/venue-domain.js';
import { VenueCodeResolver } from './code-resolver.js';
import type { VenueDomain } from './ports.js';
import { qrSigningKey } from './signing-key.js';
import { VenueService } from './venue-service.js';
import { UnitsRepo } from '../db/repos/units-repo.js';
import { UnitCatalog } from '../units/catalog.js';
import { defaultUnits } from '../units/default-units.js';

/**
 * The venue side of the service, built once per runtime and shared by the chat features, the code
 * page, the report API and the CLI, so all of them agree on the signing key and the commune list.
 */
export interface VenueOps {
  readonly domain: VenueDomain;
  readonly repo: VenueRepo;
  readonly service: VenueService;
  readonly resolver: VenueCodeResolver;
  readonly publicUrl: string;
  /** The administrative units behind `domain.communes`, loaded from the database. */
  readonly units: UnitsSource;
}

/** Units in memory plus where they come from; `refresh` reloads them when another process changed them. */
export interface UnitsSource {
  readonly catalog: UnitCatalog;
  readonly repo: UnitsRepo;
  /** Reloads when the stored version changed (an import or rename by the CLI); true if it did. */
  refresh(): Promise<boolean>;
}

async function loadUnits(db: Db): Promise<UnitsSource> {
  const repo = new UnitsRepo(db);
  await repo.seedIfEmpty(defaultUnits());
  let version = await repo.version();
  const catalog = new UnitCatalog(await repo.all());
  return {
    catalog,
    repo,
    async refresh() {
      const now = await repo.version();
      if (now === version) return false;
      catalog.replace(await repo.all());
      version = now;
      return true;
    },
  };
}

export async function createVenueOps(deps: { config: Config; db: Db; log: Logger }): Promise<VenueOps> {
  const key = await qrSigningKey(deps.config, new SettingsRepo(deps.db), deps.log);
  const publicUrl = deps.config.publicUrl;
  const units = await loadUnits(deps.db);
  const domain = createVenueDomain({ publicUrl, signingKey: key, units: units.catalog });
  const repo = new VenueRepo(deps.db);
  return { domain, repo, service: new VenueService(repo, domain, publicUrl), resolver: new VenueCodeResolver(domain, repo), publicUrl, units };
}

/** Usual stay per venue type id, for automatic check-out. */
export function stayMinutesByType(domain: VenueDomain): Record<string, number> {
  return Object.fromEntries(domain.types.map((t) => [t.id, t.stayMinutes]));
}
