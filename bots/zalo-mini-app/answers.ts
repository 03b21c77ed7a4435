import type { CheckInOutcome } from '../../src/checkin/checkin-service.js';
import { checkinTexts } from '../../src/checkin/texts.js';

/** A venue as the app shows it. */
export interface VenueView {
  readonly name: string;
  readonly address: string;
  readonly commune: string | null;
  readonly label: string | null;
}

export type CheckInAnswer =
  | {
      readonly checkedIn: boolean;
      readonly checkedOut?: boolean;
      readonly outcome: 'checked-in' | 'repeat' | 'checked-out';
      readonly venue: VenueView;
      readonly at: string;
      readonly since?: string;
      readonly names?: readonly string[];
      readonly closedElsewhere?: string | null;
      readonly flagged?: boolean;
      /** The same Vietnamese sentence the chat would have answered. */
      readonly message: string;
    }
  | { readonly error: { readonly status: number; readonly code: string; readonly message: string } };

/**
 * The check-in outcome as the Mini App's JSON: the rules' answer in the chat's own words, so the
 * two channels never tell a resident different things about the same visit.
 */
export function checkInAnswer(o: CheckInOutcome, venue: VenueView, now: Date, names: readonly string[]): CheckInAnswer {
  const at = now.toISOString();
  switch (o.kind) {
    case 'checked-in': {
      const lines = [checkinTexts.checkedIn(venue.name, now, [...names]), ...(o.closedElsewhere ? [checkinTexts.closedElsewhere(o.closedElsewhere)] : []), ...(o.flagged ? [checkinTexts.flaggedNote] : [])];
      return { checkedIn: true, outcome: 'checked-in', venue, at, names, closedElsewhere: o.closedElsewhere, flagged: o.flagged, message: lines.join('\n') };
    }
    case 'repeat':
      return { checkedIn: true, outcome: 'repeat', venue, at, since: o.since.toISOString(), message: checkinTexts.repeat(venue.name, o.since) };
    case 'checked-out':
      return { checkedIn: false, checkedOut: true, outcome: 'checked-out', venue, at, since: o.since.toISOString(), message: checkinTexts.rescanOut(o.venueName, o.since, now) };
    case 'capped':
      return { error: { status: 429, code: 'daily_cap', message: checkinTexts.capped } };
    case 'suspended':
      return { error: { status: 409, code: 'venue_suspended', message: checkinTexts.suspended } };
    case 'revoked':
      return { error: { status: 404, code: 'venue_code_revoked', message: checkinTexts.revoked } };
  }
}
