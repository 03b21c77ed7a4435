/**
 * Check-in domain types. The domain talks to storage through `VisitStore` (implemented with drizzle
 * in src/db/repos/visit-repo.ts), so the rules here are testable without a database.
 */
export interface VenueInfo {
  readonly id: number;
  readonly name: string;
  readonly address: string;
  readonly typeId: string;
  readonly communeId: string;
  readonly status: string;
}

export interface CodeInfo {
  readonly id: string;
  readonly label: string | null;
  readonly status: string;
}

export interface OpenVisit {
  readonly id: number;
  readonly dependentId: number | null;
  readonly venueId: number;
  readonly venueName: string;
  readonly communeId: string;
  readonly checkedInAt: Date;
}

export interface VisitRecord extends OpenVisit {
  readonly checkedOutAt: Date | null;
  readonly checkoutReason: string | null;
  readonly dependentName: string | null;
}

export interface Dependent {
  readonly id: number;
  readonly name: string;
  readonly birthYear: number | null;
  readonly relation: string | null;
}

export interface NewVisit {
  readonly contactId: number;
  readonly dependentId: number | null;
  readonly venueId: number;
  readonly codeId: string;
  readonly communeId: string;
  readonly method: 'link' | 'photo' | 'code';
  readonly checkedInAt: Date;
  readonly dedupeKey: string;
}

export interface VisitStore {
  openVisits(contactId: number): Promise<OpenVisit[]>;
  /** Inserts unless the dedupe key exists; returns the visit id either way. */
  insertVisit(v: NewVisit): Promise<{ id: number; created: boolean }>;
  closeVisits(ids: readonly number[], at: Date, reason: string): Promise<number>;
  countSince(contactId: number, since: Date): Promise<number>;
  recentVisits(contactId: number, since: Date): Promise<VisitRecord[]>;
  deleteHistory(contactId: number): Promise<number>;
  flag(contactId: number, visitId: number, communeId: string, reason: string): Promise<void>;
  dependents(contactId: number): Promise<Dependent[]>;
  addDependent(contactId: number, d: Omit<Dependent, 'id'>): Promise<Dependent>;
  removeDependent(contactId: number, id: number): Promise<boolean>;
}
