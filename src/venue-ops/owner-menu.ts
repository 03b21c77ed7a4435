import type { Choice } from '../channels/contract.js';
import type { TurnContext, TurnResult } from '../conversation/types.js';
import type { VenueRepo, VenueRow } from '../db/repos/venue-repo.js';
import { ownerMenuTexts, venueTexts as t } from './texts.js';
import type { CodeArtifacts, VenueService } from './venue-service.js';

type Data = Record<string, unknown>;

interface Deps {
  readonly repo: VenueRepo;
  readonly service: VenueService;
  ask(ctx: TurnContext, step: string, data: Data, text: string, choices?: Choice[]): TurnResult;
  deliver(ctx: TurnContext, a: CodeArtifacts, text: string): Promise<TurnResult>;
  start(ctx: TurnContext): Promise<TurnResult>;
}

const say = (text: string, choices?: Choice[]): TurnResult => ({ replies: [choices ? { type: 'text', text, choices } : { type: 'text', text }], state: {} });

/** Day and week boundaries in Vietnam time (UTC+7, no daylight saving). */
function since(now: Date): { today: Date; week: Date } {
  const offset = 7 * 3600_000;
  const local = new Date(now.getTime() + offset);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - offset;
  return { today: new Date(midnight), week: new Date(now.getTime() - 7 * 24 * 3600_000) };
}

/** The owner's menu of their venues: list, add a code, re-issue, suspend/resume, counts. */
export function ownerHandlers(deps: Deps) {
  const mine = async (ctx: TurnContext, id: number): Promise<VenueRow | undefined> => {
    const v = await deps.repo.get(id);
    return v && v.ownerContactId === ctx.person.contactId ? v : undefined;
  };

  const list = async (ctx: TurnContext): Promise<TurnResult> => {
    const venues = await deps.repo.byOwner(ctx.person.contactId);
    const choices = [...venues.map((v) => ({ label: v.name.slice(0, 40), data: `vn:v:${v.id}` })), { label: ownerMenuTexts.dangKyDiaDiemMoi, data: 'vn:new' }];
    return say(venues.length ? t.myVenues : t.noVenues, choices);
  };

  const entry = async (ctx: TurnContext): Promise<TurnResult> => ((await deps.repo.byOwner(ctx.person.contactId)).length ? list(ctx) : deps.start(ctx));

  const venueMenu = async (v: VenueRow): Promise<TurnResult> => {
    const codes = await deps.repo.codesOf(v.id);
    return say(t.venueMenu(v.name, v.status, codes.length), [
      { label: ownerMenuTexts.soLuotKhaiBao, data: `vn:stats:${v.id}` },
      { label: ownerMenuTexts.guiLaiMaVaAp, data: `vn:poster:${v.id}` },
      { label: ownerMenuTexts.themMaLoiVaoQuay, data: `vn:add:${v.id}` },
      { label: ownerMenuTexts.capLaiMa, data: `vn:re:${v.id}` },
      v.status === 'active' ? { label: ownerMenuTexts.tamNgungNhanKhaiBao, data: `vn:sus:${v.id}` } : { label: ownerMenuTexts.moLaiNhanKhaiBao, data: `vn:res:${v.id}` },
      { label: ownerMenuTexts.diaDiemCuaToi, data: 'vn:list' },
    ]);
  };

  const onVenue = async (ctx: TurnContext, action: string, id: number): Promise<TurnResult> => {
    const v = await mine(ctx, id);
    if (!v) return say(t.notYours);
    switch (action) {
      case 'v':
        return venueMenu(v);
      case 'stats': {
        const counts = await deps.repo.checkInCounts(v.id, since(ctx.now));
        return say(t.stats(v.name, counts.today, counts.week), [{ label: ownerMenuTexts.quayLai, data: `vn:v:${v.id}` }]);
      }
      case 'poster': {
        const codes = await deps.repo.codesOf(v.id);
        const [only] = codes;
        if (codes.length === 1 && only) return deps.deliver(ctx, await deps.service.render(v, only), t.resent(v.name, only.manualCode));
        if (codes.length === 0) return venueMenu(v);
        return say(t.pickCodeToResend, [...codes.map((c) => ({ label: `${c.label ?? ownerMenuTexts.mainCode} (${c.manualCode})`, data: `vn:resend:${c.id}` })), { label: ownerMenuTexts.quayLai, data: `vn:v:${v.id}` }]);
      }
      case 'add':
        return deps.ask(ctx, 'label', { venueId: v.id }, t.askLabel);
      case 're': {
        const codes = await deps.repo.codesOf(v.id);
        return say(t.pickCodeToReissue, codes.map((c) => ({ label: `${c.label ?? ownerMenuTexts.mainCode} (${c.manualCode})`, data: `vn:recode:${c.id}` })));
      }
      case 'sus':
      case 'res':
        await deps.repo.setStatus(v.id, action === 'sus' ? 'suspended' : 'active');
        return say(action === 'sus' ? t.suspended : t.resumed, [{ label: ownerMenuTexts.quayLai, data: `vn:v:${v.id}` }]);
      default:
        return venueMenu(v);
    }
  };

  const choice = async (ctx: TurnContext, rest: string): Promise<TurnResult | null> => {
    if (rest === 'list') return list(ctx);
    if (rest === 'new') return deps.start(ctx);
    const onCode = /^(recode|recodeyes|resend):([\w-]+)$/.exec(rest);
    if (onCode) {
      const [, action, codeId] = onCode;
      const found = await deps.repo.codeWithVenue(codeId!);
      if (!found || found.venue.ownerContactId !== ctx.person.contactId) return say(t.notYours);
      const label = `${found.code.label ?? ownerMenuTexts.mainCode} (${found.code.manualCode})`;
      if (action === 'resend') return deps.deliver(ctx, await deps.service.render(found.venue, found.code), t.resent(`${found.venue.name} — ${found.code.label ?? ownerMenuTexts.mainCode}`, found.code.manualCode));
      // Re-issuing stops the old code at once (posters already printed stop working): ask first.
      if (action === 'recode') {
        return say(t.confirmReissue(found.venue.name, label), [
          { label: ownerMenuTexts.capMaMoiBoMa, data: `vn:recodeyes:${found.code.id}` },
          { label: ownerMenuTexts.khongGiuMaCu, data: `vn:v:${found.venue.id}` },
        ]);
      }
      const next = await deps.service.reissue(found.code.id);
      return next ? deps.deliver(ctx, next, t.reissued(next.code.manualCode)) : venueMenu(found.venue);
    }
    const m = /^(v|stats|poster|add|re|sus|res):(\d+)$/.exec(rest);
    return m ? onVenue(ctx, m[1]!, Number(m[2])) : null;
  };

  const label = async (ctx: TurnContext, data: Data, input: string): Promise<TurnResult> => {
    if (input.startsWith('vn:')) return (await choice(ctx, input.slice(3))) ?? list(ctx);
    const text = input.replace(/\s+/g, ' ').trim();
    if ([...text].length < 2 || [...text].length > 60) return deps.ask(ctx, 'label', data, t.badLabel);
    const v = await mine(ctx, Number(data.venueId));
    if (!v) return say(t.notYours);
    const a = await deps.service.addCode(v, text);
    return deps.deliver(ctx, a, t.done(`${v.name} — ${text}`, a.code.manualCode, a.url));
  };

  return { entry, list, choice, label };
}
