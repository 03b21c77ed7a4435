import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

/**
 * Where a person says they live, for their commune's announcements. Asked once (`askedAt` keeps us
 * from asking again), changed or cleared with "đổi xã". Keyed by the person (primary contact).
 */
export const residentHomes = pgTable('resident_homes', {
  personId: bigint('person_id', { mode: 'number' })
    .primaryKey()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  communeId: text('commune_id'),
  /** chat | registration (only with the person's consent) */
  source: text('source'),
  askedAt: timestamp('asked_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The consent ledger (Decree 13/2023/NĐ-CP): append-only, one row per decision of a person about a
 * purpose, with the chat it was made in and the exact text shown (and its version). The latest row
 * per (person, purpose) is the current state; older rows are the proof of what happened when.
 */
export const consentEvents = pgTable(
  'consent_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** announcements | reminders | exposure-alerts */
    purpose: text('purpose').notNull(),
    given: boolean('given').notNull(),
    channel: text('channel').notNull(),
    botId: text('bot_id').notNull(),
    chatId: text('chat_id').notNull(),
    textShown: text('text_shown').notNull(),
    textVersion: text('text_version').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consent_events_person').on(t.personId, t.purpose, t.id)],
);

/**
 * An announcement an official composed: text (+ image, + one link button), communes, audience and
 * schedule. `status`: awaiting-approval | scheduled | paused | done | cancelled. Each occurrence is
 * a run (`broadcast_runs`); a one-off broadcast has one run.
 */
export const broadcasts = pgTable(
  'broadcasts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    officialId: bigint('official_id', { mode: 'number' }),
    text: text('text').notNull(),
    imageUrl: text('image_url'),
    button: jsonb('button').$type<{ label: string; url: string }>(),
    communeIds: jsonb('commune_ids').$type<string[]>().notNull(),
    /** residents | owners | pending-registrations */
    audience: text('audience').notNull(),
    schedule: jsonb('schedule').notNull(),
    status: text('status').notNull(),
    estimatedRecipients: integer('estimated_recipients').notNull().default(0),
    approvalReason: text('approval_reason'),
    approvedBy: bigint('approved_by', { mode: 'number' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** Campaign messages only: minutes after the due time during which a late send still goes. */
    graceMinutes: integer('grace_minutes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('broadcasts_status').on(t.status)],
);

/**
 * One occurrence of a broadcast. The recipients are resolved once, when it starts (`resolvedAt`),
 * so a restart never re-picks or re-sends. `status`: due | sending | paused | done | cancelled | missed
 */
export const broadcastRuns = pgTable(
  'broadcast_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    broadcastId: bigint('broadcast_id', { mode: 'number' })
      .notNull()
      .references(() => broadcasts.id, { onDelete: 'cascade' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('due'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [uniqueIndex('broadcast_runs_once').on(t.broadcastId, t.dueAt), index('broadcast_runs_status').on(t.status, t.dueAt)],
);

/**
 * The per-recipient ledger: one row per (run, person), written when the run starts. A row is
 * handed to the outbound ledger (`queued`, with `outboundId`) in the same transaction that writes
 * the outbound row, and mirrors its final state afterwards, so a crash can neither lose nor
 * duplicate it. `status`: pending | queued | sent | failed | unreachable | uncertain | excluded | cancelled
 */
export const broadcastRecipients = pgTable(
  'broadcast_recipients',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => broadcastRuns.id, { onDelete: 'cascade' }),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    communeId: text('commune_id').notNull(),
    channel: text('channel'),
    botId: text('bot_id'),
    chatId: text('chat_id'),
    status: text('status').notNull(),
    reason: text('reason'),
    outboundId: bigint('outbound_id', { mode: 'number' }),
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    seenAt: timestamp('seen_at', { withTimezone: true }),
    actedAt: timestamp('acted_at', { withTimezone: true }),
    /** button | registered | checked-in */
    actedKind: text('acted_kind'),
  },
  (t) => [
    uniqueIndex('broadcast_recipients_once').on(t.runId, t.personId),
    index('broadcast_recipients_run_status').on(t.runId, t.status, t.id),
    index('broadcast_recipients_person').on(t.personId, t.queuedAt),
    index('broadcast_recipients_outbound').on(t.outboundId),
  ],
);

/**
 * How many recipient rows of a run are in each status, per channel and bot ('' for an excluded
 * row without a chat). Kept by a statement-level trigger on broadcast_recipients (migration 0015),
 * so every writer keeps it right in its own transaction, and the engine's per-tick questions (what
 * is pending or in flight per bot, is the run finished) and live progress read a few rows instead
 * of counting a run's whole ledger.
 */
export const broadcastRunCounts = pgTable(
  'broadcast_run_counts',
  {
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => broadcastRuns.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    botId: text('bot_id').notNull(),
    status: text('status').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.channel, t.botId, t.status] })],
);

/** What officials did to a broadcast (created, approved, paused...), for its history and audit. */
export const broadcastEvents = pgTable(
  'broadcast_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    broadcastId: bigint('broadcast_id', { mode: 'number' })
      .notNull()
      .references(() => broadcasts.id, { onDelete: 'cascade' }),
    officialId: bigint('official_id', { mode: 'number' }),
    via: text('via').notNull(),
    action: text('action').notNull(),
    detail: jsonb('detail'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('broadcast_events_broadcast').on(t.broadcastId, t.id)],
);

/**
 * A campaign tied to registrations: a message some days before (negative offset) or after an
 * appointment. Each (campaign, registration, appointment version) is planned once in
 * `campaign_messages`; one whose time passed while the service was down goes out within
 * `graceMinutes`, or is recorded as skipped, never silently dropped.
 */
export const campaigns = pgTable('campaigns', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  officialId: bigint('official_id', { mode: 'number' }),
  text: text('text').notNull(),
  communeIds: jsonb('commune_ids').$type<string[]>().notNull(),
  /** Days relative to the appointment day (-3: three days before; 1: the day after), sent at `hour` VN time. */
  offsetDays: integer('offset_days').notNull(),
  hour: integer('hour').notNull().default(9),
  graceMinutes: integer('grace_minutes').notNull().default(360),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const campaignMessages = pgTable(
  'campaign_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    campaignId: bigint('campaign_id', { mode: 'number' })
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    registrationId: bigint('registration_id', { mode: 'number' }).notNull(),
    appointmentVersion: integer('appointment_version').notNull(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** due | queued | skipped */
    status: text('status').notNull().default('due'),
    reason: text('reason'),
    outboundId: bigint('outbound_id', { mode: 'number' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('campaign_messages_once').on(t.campaignId, t.registrationId, t.appointmentVersion), index('campaign_messages_due').on(t.status, t.dueAt)],
);
