import { sql, type SQL } from 'drizzle-orm';

/** `c<contact>` or `d<dependent>`: the key of one person (a contact, or a family member they check in). */
export const personKey = (contactId: number, dependentId: number | null) => (dependentId === null ? `c${contactId}` : `d${dependentId}`);

/** Rows of a `db.execute` result, whichever driver (postgres.js array, PGlite `{ rows }`). */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return (result as { rows?: Record<string, unknown>[] }).rows ?? [];
}

export const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

/**
 * Longest a visit may count as lasting. Automatic check-out ends a visit after its venue type's
 * usual stay (9 h at most), so anything longer is a forgotten check-out; bounding it lets the match
 * read a bounded slice of the (venue, check-in) index.
 */
export const MAX_VISIT_MINUTES = 12 * 60;

/** How long visits count, from the venue types. */
export interface MatchOptions {
  readonly stayMinutes: Readonly<Record<string, number>>;
  readonly fallbackStayMinutes: number;
  /** Venue types that are vehicles: exposure is the same trip, so no tail after the case left. */
  readonly vehicleTypes: readonly string[];
}

/** `case type_id when ... then <stay> ... end` in minutes, the usual stay of an unclosed visit. */
export function staySql(stayMinutes: Readonly<Record<string, number>>, fallback: number): SQL {
  const cases = Object.entries(stayMinutes).map(([type, m]) => sql`when ${type} then ${m}::int`);
  return cases.length ? sql`(case ve.type_id ${sql.join(cases, sql` `)} else ${fallback}::int end)` : sql`${fallback}::int`;
}

/** When a visit counts as over: its check-out, else its venue type's usual stay, never beyond MAX_VISIT_MINUTES. */
export function visitEndSql(opts: MatchOptions): SQL {
  const stay = staySql(opts.stayMinutes, opts.fallbackStayMinutes);
  return sql`least(coalesce(v.checked_out_at, v.checked_in_at + make_interval(mins => ${stay})), v.checked_in_at + make_interval(mins => ${MAX_VISIT_MINUTES}))`;
}
