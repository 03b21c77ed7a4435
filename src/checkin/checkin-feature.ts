import { standardText } from '../language/standardize.js';
import type { Choice, ImageRef, InboundEvent } from '../channels/contract.js';
import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import type { CheckInOutcome, CheckInService } from './checkin-service.js';
import { dependentsFeatureHandlers } from './dependents-flow.js';
import { historyHandlers } from './history.js';
import { PhotoError, type CodeResolver, type PhotoDecoder, type Resolution } from './resolver.js';
import { checkinFeatureTexts, checkinTexts as t } from './texts.js';
import type { VisitStore } from './types.js';

/** What residents type to check out or see their history, as standard folded words (src/language). */
const CHECK_OUT_WORDS = new Set(['khai bao ra', 'check out', 'checkout', 'ra ve', 'di ve', 've roi', 'toi ve roi', 'ra roi', 'khai ra', 'bao ra']);
const HISTORY_WORDS = new Set(['lich su', 'lich su ra vao', 'xem lich su', 'lich su cua toi', 'lich su ra vao cua toi', 'xem lich su ra vao']);

export interface CheckInFeatureDeps {
  readonly service: CheckInService;
  readonly store: VisitStore;
  readonly resolver: CodeResolver;
  readonly decode: PhotoDecoder;
  /** Fetches an inbound image through the adapter that received it (size-capped). */
  downloadImage(event: InboundEvent, ref: ImageRef): Promise<Buffer>;
  /** VISIT_RETENTION_DAYS, quoted to residents. */
  readonly retentionDays: number;
}

export const FEATURE = 'checkin';
/** After a check-in, the venue stays in the state this long for "check in family members too". */
const AFTER_TTL_MS = 2 * 3600_000;
/** "Which venue?" after a photo with several of our codes stays answerable this long. */
const PICK_TTL_MS = 15 * 60_000;
const MAX_VENUE_CHOICES = 4;

export const afterChoices: Choice[] = [
  { label: checkinFeatureTexts.khaiBaoRa, data: 'ci:out' },
  { label: checkinFeatureTexts.khaiBaoChoNguoiThan, data: 'ci:fam' },
  { label: checkinFeatureTexts.lichSuRaVao, data: 'menu:history' },
];

/**
 * Check-in by link, deep link, typed code and photo; check-out; family members; history. Text that
 * is not a code returns null so the FAQ and other features can answer it.
 */
export function checkInFeature(deps: CheckInFeatureDeps): Feature {
  const reply = (ctx: TurnContext, text: string, choices?: Choice[], keepVenue?: { codeText: string }): TurnResult => ({
    replies: [choices ? { type: 'text', text, choices } : { type: 'text', text }],
    state: keepVenue ? { flow: { name: FEATURE, step: 'after', data: keepVenue } } : { ...(ctx.state.choices ? { choices: ctx.state.choices } : {}) },
    ...(keepVenue ? { stateExpiresAt: new Date(ctx.now.getTime() + AFTER_TTL_MS) } : {}),
  });

  async function act(ctx: TurnContext, r: Resolution, method: 'link' | 'photo' | 'code', codeText: string, who?: { selfToo: boolean; dependentIds: number[] }): Promise<TurnResult | null> {
    if (r.kind === 'none') return null;
    if (r.kind === 'not-ours') return reply(ctx, t.notOurs[r.what] ?? t.notOurs['other-text']!);
    if (r.kind === 'invalid') return reply(ctx, r.typed ? t.mistypedCode(r.typed) : t.invalidCode);
    if (r.kind === 'venues') return askWhich(ctx, r.options);
    const outcome = await deps.service.checkIn({
      contactId: ctx.person.contactId,
      dependentIds: who?.dependentIds ?? [],
      selfToo: who?.selfToo ?? true,
      venue: r.venue,
      code: r.code,
      method,
      now: ctx.now,
      dedupeKey: `in${ctx.inboundId}`,
    });
    return answer(ctx, outcome, r.venue.name, codeText, who?.dependentIds ?? []);
  }

  /** Several of our codes in one photo: the resident picks the venue they are at (at most four shown). */
  function askWhich(ctx: TurnContext, options: Extract<Resolution, { kind: 'venues' }>['options']): TurnResult {
    const shown = options.slice(0, MAX_VENUE_CHOICES);
    return {
      replies: [{ type: 'text', text: t.pickVenue(shown.length), choices: shown.map((o, i) => ({ label: o.venue.name.slice(0, 60), data: `cipick:${i}` })) }],
      state: { flow: { name: FEATURE, step: 'pick', data: { texts: shown.map((o) => o.text) } } },
      stateExpiresAt: new Date(ctx.now.getTime() + PICK_TTL_MS),
    };
  }

  const picked = async (ctx: TurnContext, arg: string): Promise<TurnResult> => {
    const s = ctx.state.flow;
    const texts = s?.name === FEATURE && s.step === 'pick' && Array.isArray(s.data.texts) ? (s.data.texts as string[]) : [];
    const text = texts[Number(arg)];
    if (text === undefined) return reply(ctx, t.pickExpired);
    return (await act(ctx, await deps.resolver.fromText(text), 'photo', text)) ?? reply(ctx, t.pickExpired);
  };

  async function answer(ctx: TurnContext, o: CheckInOutcome, venue: string, codeText: string, dependentIds: number[]): Promise<TurnResult> {
    switch (o.kind) {
      case 'checked-in': {
        const names = dependentIds.length ? (await deps.store.dependents(ctx.person.contactId)).filter((d) => dependentIds.includes(d.id)).map((d) => d.name) : [];
        const lines = [t.checkedIn(venue, ctx.now, names), ...(o.closedElsewhere ? [t.closedElsewhere(o.closedElsewhere)] : []), ...(o.flagged ? [t.flaggedNote] : [])];
        return reply(ctx, lines.join('\n'), afterChoices, { codeText });
      }
      case 'repeat':
        return reply(ctx, t.repeat(venue, o.since), afterChoices, { codeText });
      case 'checked-out':
        return reply(ctx, t.rescanOut(o.venueName, o.since, ctx.now), [{ label: checkinFeatureTexts.lichSuRaVao, data: 'menu:history' }]);
      case 'suspended':
        return reply(ctx, t.suspended);
      case 'revoked':
        return reply(ctx, t.revoked);
      case 'capped':
        return reply(ctx, t.capped);
    }
  }

  async function fromPhoto(ctx: TurnContext, ref: ImageRef): Promise<TurnResult> {
    let bytes: Buffer;
    try {
      bytes = await deps.downloadImage(ctx.event, ref);
    } catch (err) {
      if (err instanceof PhotoError && err.kind === 'too-large') return reply(ctx, t.imageTooBig);
      if (err instanceof Error && /too large/i.test(err.message)) return reply(ctx, t.imageTooBig);
      // A download that failed (gone, refused host, platform error) will not succeed by retrying
      // the whole turn for minutes: say so at once and let the resident send it again.
      return reply(ctx, t.downloadFailed);
    }
    try {
      const { texts, unconfirmed } = await deps.decode(bytes);
      // A code was seen but its text could not be confirmed: not ours (ours need one reading), or
      // too unclear to be sure; never "no code", and never a guess at its text.
      if (texts.length === 0) return reply(ctx, unconfirmed > 0 ? t.unconfirmedCode : t.noCodeInPhoto);
      const r = await deps.resolver.fromDecoded(texts);
      return (await act(ctx, r, 'photo', texts[0]!)) ?? reply(ctx, t.notOurs['other-text']!);
    } catch (err) {
      if (err instanceof PhotoError) return reply(ctx, err.kind === 'too-large' ? t.imageTooBig : err.kind === 'timeout' ? t.decodeBusy : t.badImage);
      if (err instanceof Error && /too large/i.test(err.message)) return reply(ctx, t.imageTooBig);
      throw err;
    }
  }

  const checkOut = async (ctx: TurnContext): Promise<TurnResult> => {
    const closed = await deps.service.checkOut(ctx.person.contactId, ctx.now);
    if (closed.length === 0) return reply(ctx, t.nothingOpen);
    // Say whose visits were closed: a relative's visit closed without a name reads as one's own.
    const names = new Map((await deps.store.dependents(ctx.person.contactId)).map((d) => [d.id, d.name]));
    const whose = closed.map((v) => ({ who: v.dependentId === null ? null : (names.get(v.dependentId) ?? t.aRelative), venue: v.venueName }));
    return reply(ctx, t.checkedOut(whose, ctx.now), [{ label: checkinFeatureTexts.lichSuRaVao, data: 'menu:history' }]);
  };

  const howTo = async (ctx: TurnContext): Promise<TurnResult> => {
    const open = (await deps.store.openVisits(ctx.person.contactId)).find((v) => v.dependentId === null);
    return open ? reply(ctx, `${t.openNow(open.venueName, open.checkedInAt)}\n\n${t.how}`, [afterChoices[0]!]) : reply(ctx, t.how);
  };

  const family = dependentsFeatureHandlers({ store: deps.store, reply, checkInFamily: async (ctx, codeText, who) => {
    // The venue kept after a check-in is what the resident sent: a typed code, a pasted link, or the
    // deep-link payload of a scanned code (which is not text a resident would type).
    const typed = await deps.resolver.fromText(codeText);
    const r = typed.kind === 'none' ? await deps.resolver.fromPayload(codeText) : typed;
    return (await act(ctx, r, 'link', codeText, who)) ?? reply(ctx, t.noVenueForFamily);
  } });
  const history = historyHandlers({ store: deps.store, reply, retentionDays: deps.retentionDays });

  return {
    name: FEATURE,
    commands: { checkout: checkOut, ra: checkOut, lichsu: history.show, giadinh: family.list, nguoithan: family.list },
    choices: {
      'menu:checkin': howTo,
      'menu:history': history.show,
      'ci:out': checkOut,
      'ci:wipe': history.confirmDelete,
      'ci:confirmwipe': history.delete,
      'ci:': family.choice,
      'cipick:': picked,
    },
    flow: family.flow,
    startPayload: async (ctx, payload) => act(ctx, await deps.resolver.fromPayload(payload), 'link', payload),
    text: async (ctx, text) => {
      const words = standardText(text);
      if (CHECK_OUT_WORDS.has(words)) return checkOut(ctx);
      if (HISTORY_WORDS.has(words)) return history.show(ctx);
      const r = await deps.resolver.fromText(text);
      return act(ctx, r, /\/c\//.test(text) ? 'link' : 'code', text);
    },
    image: async (ctx) => (ctx.event.body.type === 'image' ? fromPhoto(ctx, ctx.event.body.image) : null),
  };
}
