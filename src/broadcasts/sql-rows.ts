/** Rows of a raw `db.execute` result, whichever driver answered (postgres.js: an array; PGlite: `{ rows }`). */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return ((result as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
}

/** A Postgres array literal of ids, passed as one parameter (no 65,535-parameter limit). */
export const idArray = (ids: readonly number[]) => `{${ids.join(',')}}`;
export const textArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '')}"`).join(',')}}`;
