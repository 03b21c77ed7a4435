import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config/schema.js';
import type { SettingsRepo } from '../db/repos/settings-repo.js';

/**
 * The key that signs venue QR tokens. Production must configure QR_SIGNING_KEY (the config schema
 * enforces it); elsewhere a random key is generated once and kept in the database, so codes printed
 * during a trial keep working across restarts.
 */
export async function qrSigningKey(config: Config, settings: SettingsRepo, log: Logger): Promise<string> {
  if (config.QR_SIGNING_KEY) return config.QR_SIGNING_KEY;
  const key = await settings.getOrCreate('qr_signing_key', () => randomBytes(32).toString('base64url'));
  log.warn('QR_SIGNING_KEY is not set: using a generated key stored in the database (set it in production)');
  return key;
}
