/**
 * Kinds of administrative unit. Since 1 July 2025 Vietnam has two levels: provinces (tỉnh, thành
 * phố) and communes (xã, phường, đặc khu). "thị trấn", "huyện", "thị xã" and "quận" remain valid so
 * that data from before the reform (like the shipped 2021 default) can still be imported.
 */
export const UNIT_KINDS = ['xã', 'phường', 'đặc khu', 'thị trấn', 'tỉnh', 'thành phố', 'huyện', 'thị xã', 'quận'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Kinds residents live in and officials are scoped to (the level a venue belongs to). */
export const COMMUNE_KINDS: ReadonlySet<UnitKind> = new Set(['xã', 'phường', 'đặc khu', 'thị trấn']);

/**
 * One administrative unit as stored. `code` is stable forever (venues, visits and officials'
 * scopes refer to it); a rename keeps the code and moves the old name into `aliases`; a merge
 * keeps the old unit (its history stays readable) and points it at the unit it became.
 */
export interface AdminUnit {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parentCode: string | null;
  /** Former or informal names ("Phổ Minh" for the ward it was merged into), searched like the name. */
  readonly aliases: readonly string[];
  /** Set when this unit was merged into another: search leads to that one, history keeps this one. */
  readonly mergedInto: string | null;
  /** No longer a unit (left out of a full import): kept only so old records still name it. */
  readonly retired?: boolean;
}
