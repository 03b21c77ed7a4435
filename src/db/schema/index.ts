/** The whole schema, split by domain; drizzle-kit reads this file to generate migrations. */
export * from './inbound.js';
export * from './outbound.js';
export * from './contacts.js';
export * from './media.js';
export * from './simulator.js';
export * from './venues.js';
export * from './officials.js';
export * from './visits.js';
export * from './settings.js';
export * from './questions.js';
export * from './zalo-tokens.js';
export * from './registrations.js';
export * from './units.js';
export * from './outbox-workers.js';
export * from './audit.js';
