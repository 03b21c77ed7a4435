import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

/**
 * A vaccination pre-registration made by chat, for the person or a family member. Personal fields
 * (name, birth date, phone, ID and insurance numbers, address) are nullable because retention
 * erases them a configurable number of days after the last appointment (`purgedAt`), while the
 * row stays for the commune's counts. `appointmentVersion` changes with every new appointment, so
 * reminders scheduled for an older one recognise themselves as stale.
 */
export const registrations = pgTable(
  'vaccination_registrations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    contactId: bigint('contact_id', { mode: 'number' })
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** 'self' or the relation of the family member ("mẹ", "con"...). */
    relation: text('relation').notNull().default('self'),
    fullName: text('full_name'),
    birthDate: text('birth_date'),
    gender: text('gender'),
    phone: text('phone'),
    idKind: text('id_kind'),
    idNumber: text('id_number'),
    insuranceNumber: text('insurance_number'),
    occupation: text('occupation'),
    priorityGroup: integer('priority_group'),
    communeId: text('commune_id').notNull(),
    address: text('address'),
    preferredDate: text('preferred_date'),
    screening: jsonb('screening').$type<Record<string, string>>(),
    /** registered | scheduled | cancelled */
    status: text('status').notNull().default('registered'),
    appointmentAt: timestamp('appointment_at', { withTimezone: true }),
    appointmentPlace: text('appointment_place'),
    appointmentVersion: integer('appointment_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    purgedAt: timestamp('purged_at', { withTimezone: true }),
  },
  (t) => [index('registrations_contact').on(t.contactId), index('registrations_commune').on(t.communeId, t.status)],
);

/** Every reminder sent or skipped, once per (registration, appointment version, kind): the "never twice" record. */
export const reminderLog = pgTable(
  'reminder_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    registrationId: bigint('registration_id', { mode: 'number' })
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    appointmentVersion: integer('appointment_version').notNull(),
    /** day-before | two-hours */
    kind: text('kind').notNull(),
    /** sent | skipped */
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reminder_log_once').on(t.registrationId, t.appointmentVersion, t.kind)],
);

/** People who answered "DỪNG": no reminders until they send "BẮT ĐẦU". */
export const reminderOptOuts = pgTable('reminder_opt_outs', {
  contactId: bigint('contact_id', { mode: 'number' })
    .primaryKey()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});
