import { isYes } from '../language/answers.js';
import { standardText } from '../language/standardize.js';
import type { Choice } from '../channels/contract.js';
import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import type { MediaStore } from '../db/repos/media-repo.js';
import type { VenueRepo } from '../db/repos/venue-repo.js';
import type { Logger } from 'pino';
import type { VenueDomain } from './ports.js';
import { fieldLabels, venueFlowTexts, venueTexts as t } from './texts.js';
import type { CodeArtifacts, VenueService } from './venue-service.js';
import { ownerHandlers } from './owner-menu.js';
import { fold } from '../domain/fold.js';
import { BACK_TO_MENU } from '../conversation/texts.js';

/** "Địa điểm của tôi" (the menu entry's label, as the README says) typed instead of pressed. */
const MY_VENUES_WORDS = new Set(['dia diem cua toi', 'cac dia diem cua toi', 'xem dia diem cua toi', 'ma qr cua toi', 'ma cua toi', 'quan li dia diem', 'dia diem cua minh']);

export interface VenueFlowDeps {
  readonly domain: VenueDomain;
  readonly service: VenueService;
  readonly repo: VenueRepo;
  readonly media: MediaStore;
  readonly log: Logger;
}

export const VENUE_FLOW = 'venue';
const TTL_MS = 24 * 3600_000;
type Data = Record<string, unknown>;

/** Free text that clearly asks for a code (diacritics folded). Questions go to the FAQ instead. */
const STARTERS = ['tao ma qr', 'tao ma', 'dang ky ma qr', 'dang ky dia diem', 'dang ky qr', 'lam ma qr', 'cap ma qr', 'xin ma qr'];

export { fold };

/** Venue owners, by chat: register a venue step by step, get its QR and poster, manage codes. */
export function venueFeature(deps: VenueFlowDeps): Feature {
  const { domain } = deps;
  const ask = (ctx: TurnContext, step: string, data: Data, text: string, choices?: Choice[]): TurnResult => ({
    replies: [{ type: 'text', text, choices: [...(choices ?? []), { label: venueFlowTexts.huy, data: 'menu:main' }] }],
    state: { flow: { name: VENUE_FLOW, step, data } },
    stateExpiresAt: new Date(ctx.now.getTime() + TTL_MS),
  });
  const typeChoices = (): Choice[] => domain.types.map((ty) => ({ label: ty.name, data: `vn:type:${ty.id}` }));

  const next = (ctx: TurnContext, data: Data): TurnResult => {
    if (data.editing) return summary(ctx, { ...data, editing: false });
    if (!data.name) return ask(ctx, 'name', data, t.askName);
    if (!data.typeId) return ask(ctx, 'type', data, t.askType, typeChoices());
    const vehicle = domain.findType(String(data.typeId))?.vehicle ?? false;
    if (vehicle && !data.plate) return ask(ctx, 'plate', data, t.askPlate);
    if (vehicle && !data.route) return ask(ctx, 'route', data, t.askRoute);
    if (!data.address) return ask(ctx, 'address', data, t.askAddress);
    if (!data.communeId) return ask(ctx, 'commune', data, t.askCommune);
    if (!data.phone) return ask(ctx, 'phone', data, t.askPhone);
    return summary(ctx, data);
  };

  const summary = (ctx: TurnContext, data: Data): TurnResult => {
    const vehicle = domain.findType(String(data.typeId))?.vehicle ?? false;
    const fields = ['name', 'typeId', ...(vehicle ? ['plate', 'route'] : []), 'address', 'communeId', 'phone'];
    const shown = (f: string) => (f === 'typeId' ? domain.findType(String(data[f]))?.name : f === 'communeId' ? domain.communeById(String(data[f]))?.name : String(data[f]));
    const lines = fields.map((f) => `• ${fieldLabels[f]}: ${shown(f) ?? ''}`);
    const choices = [{ label: venueFlowTexts.xacNhan, data: 'vn:confirm' }, ...fields.map((f) => ({ label: venueFlowTexts.sua(fieldLabels[f]!.toLowerCase()), data: `vn:edit:${f}` }))];
    return ask(ctx, 'confirm', data, t.summary(lines), choices);
  };

  const answer = async (ctx: TurnContext, step: string, data: Data, input: string): Promise<TurnResult> => {
    const checked = (r: { ok: true; value: string } | { ok: false; reason: string }, field: string, again: string) =>
      r.ok ? next(ctx, { ...data, [field]: r.value }) : ask(ctx, step, data, `${r.reason}\n${again}`, step === 'type' ? typeChoices() : undefined);
    switch (step) {
      case 'name':
        return checked(domain.checkName(input), 'name', t.askName);
      case 'type': {
        const id = input.startsWith('vn:type:') ? input.slice(8) : input;
        const ty = domain.findType(id);
        return ty ? next(ctx, { ...data, typeId: ty.id }) : ask(ctx, 'type', data, t.badType, typeChoices());
      }
      case 'plate':
        return checked(domain.checkPlate(input), 'plate', t.askPlate);
      case 'route': {
        const route = input.replace(/\s+/g, ' ').trim();
        return route.length >= 3 && route.length <= 120 ? next(ctx, { ...data, route }) : ask(ctx, 'route', data, t.badRoute);
      }
      case 'address':
        return checked(domain.checkAddress(input), 'address', t.askAddress);
      case 'commune':
        return commune(ctx, data, input);
      case 'phone':
        return checked(domain.checkPhone(input), 'phone', t.askPhone);
      case 'confirm':
        return confirm(ctx, data, input);
      default:
        return next(ctx, data);
    }
  };

  const commune = (ctx: TurnContext, data: Data, input: string): TurnResult => {
    if (input.startsWith('vn:commune:')) {
      const c = domain.communeById(input.slice(11));
      if (c) return next(ctx, { ...data, communeId: c.id });
    }
    const found = domain.searchCommunes(input);
    if (found.length === 1) return next(ctx, { ...data, communeId: found[0]!.id });
    if (found.length === 0) return ask(ctx, 'commune', data, t.noCommune(input.slice(0, 60)));
    return ask(ctx, 'commune', data, t.pickCommune, found.slice(0, 8).map((c) => ({ label: `${c.name} (${c.district})`, data: `vn:commune:${c.id}` })));
  };

  const confirm = async (ctx: TurnContext, data: Data, input: string): Promise<TurnResult> => {
    const edit = /^vn:edit:(\w+)$/.exec(input);
    if (edit) {
      const field = edit[1]!;
      const step = field === 'typeId' ? 'type' : field === 'communeId' ? 'commune' : field;
      return answerPrompt(ctx, step, { ...data, editing: true });
    }
    if (input !== 'vn:confirm' && !isYes(input)) return summary(ctx, data);
    const artifacts = await deps.service.register({
      name: String(data.name),
      typeId: String(data.typeId),
      communeId: String(data.communeId),
      address: String(data.address),
      phone: String(data.phone),
      plate: (data.plate as string | undefined) ?? null,
      route: (data.route as string | undefined) ?? null,
      ownerContactId: ctx.person.contactId,
    });
    return deliver(ctx, artifacts, t.done(artifacts.venue.name, artifacts.code.manualCode, artifacts.url));
  };

  const answerPrompt = (ctx: TurnContext, step: string, data: Data): TurnResult => {
    const prompts: Record<string, [string, Choice[]?]> = {
      name: [t.askName], type: [t.askType, typeChoices()], plate: [t.askPlate], route: [t.askRoute], address: [t.askAddress], commune: [t.askCommune], phone: [t.askPhone],
    };
    const [text, choices] = prompts[step] ?? [t.askName];
    return ask(ctx, step, data, text, choices);
  };

  /** Sends the QR image, the poster preview and the PDF, with a text saying what to do. */
  const deliver = async (ctx: TurnContext, a: CodeArtifacts, text: string): Promise<TurnResult> => {
    try {
      const m = await deps.service.publish(a, deps.media);
      return {
        replies: [
          { type: 'image', media: m.qr, caption: t.qrCaption(a.venue.name) },
          { type: 'image', media: m.preview, caption: t.posterCaption },
          { type: 'document', media: m.pdf },
          { type: 'text', text, choices: [{ label: venueFlowTexts.diaDiemCuaToi, data: 'vn:list' }, BACK_TO_MENU] },
        ],
        state: {},
      };
    } catch (err) {
      deps.log.error({ err }, 'rendering venue code failed');
      return { replies: [{ type: 'text', text: t.renderFailed }], state: {} };
    }
  };

  const start = async (ctx: TurnContext): Promise<TurnResult> => {
    const r = next(ctx, {});
    return { ...r, replies: [{ type: 'text', text: t.start }, ...r.replies] };
  };
  const owner = ownerHandlers({ ...deps, ask, deliver, start });

  return {
    name: VENUE_FLOW,
    commands: { diadiem: start, madiadiem: owner.list },
    choices: { 'menu:venue': owner.entry, 'vn:': owner.choice },
    flow: async (ctx, input) => {
      const s = ctx.state.flow!;
      if (s.step === 'label') return owner.label(ctx, s.data, input);
      if (input.startsWith('vn:') && !/^vn:(type|commune|edit|confirm)/.test(input)) return owner.choice(ctx, input.slice(3));
      return answer(ctx, s.step, { ...s.data }, input);
    },
    text: async (ctx, text) => {
      if (MY_VENUES_WORDS.has(standardText(text))) return owner.list(ctx);
      const f = fold(text);
      return STARTERS.some((s) => f === s || (f.startsWith(`${s} `) && f.length < 60)) ? start(ctx) : null;
    },
  };
}
