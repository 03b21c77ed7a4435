import type { RegistrationRow } from '../../db/repos/registration-repo.js';
import { setAppointments } from '../../registration/appointments.js';
import type { DashboardDeps } from '../deps.js';
import { narrow, NotFoundError, type Scope } from '../scope.js';

export type RegistrationStatus = 'registered' | 'scheduled' | 'cancelled';

/** Pre-registrations of the scope (or one commune of it), optionally of one status, newest last. */
export async function listRegistrations(deps: DashboardDeps, scope: Scope, f: { communeId?: string | undefined; status?: RegistrationStatus | undefined }): Promise<RegistrationRow[]> {
  const rows = await deps.registrations.forCommunes(narrow(scope, deps.domain, f.communeId));
  return f.status ? rows.filter((r) => r.status === f.status) : rows;
}

/** Sets or moves one appointment; reminders follow (the same use-case as the CLI). */
export async function appointOne(deps: DashboardDeps, scope: Scope, id: number, at: Date, place: string): Promise<boolean> {
  const [row] = await deps.registrations.forIds([id]);
  if (!row) throw new NotFoundError(`registration ${id}`);
  scope.assert(row.communeId, `registration ${id}`);
  const r = await setAppointments(deps.registrations, deps.reminders, [id], at, place);
  await deps.audit.record(deps.db, { officialId: scope.official.id, via: 'dashboard', action: 'registrations.appoint', communeId: row.communeId, subject: `registration:${id}` });
  return r.updated.includes(id);
}
