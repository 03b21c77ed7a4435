import type { CliCommand } from '../command.js';
import { askCommand } from './ask.js';
import { decodeCommand } from './decode.js';
import { migrateCommand } from './migrate.js';
import { registrationsAppointCommand, registrationsExportCommand } from './registrations.js';
import { venuesCreateCommand, venuesImportCommand } from './venues.js';
import { officialsAuditCommand, officialsInviteCommand, officialsListCommand, officialsRevokeCommand, officialsTokenCommand } from './officials.js';
import { zaloBotSetWebhookCommand } from './zalo-bot-set-webhook.js';
import { telegramSetWebhookCommand } from './telegram-set-webhook.js';
import { unitsImportCommand, unitsListCommand, unitsRenameCommand } from './units.js';

/** Every CLI command, one import each. Keep the list sorted by name. */
export const commands: readonly CliCommand[] = [
  askCommand,
  decodeCommand,
  migrateCommand,
  officialsAuditCommand,
  officialsInviteCommand,
  officialsListCommand,
  officialsRevokeCommand,
  officialsTokenCommand,
  registrationsAppointCommand,
  registrationsExportCommand,
  telegramSetWebhookCommand,
  unitsImportCommand,
  unitsListCommand,
  unitsRenameCommand,
  venuesCreateCommand,
  venuesImportCommand,
  zaloBotSetWebhookCommand,
];
