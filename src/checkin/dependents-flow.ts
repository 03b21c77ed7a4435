import { isNo } from '../language/answers.js';
import { standardText } from '../language/standardize.js';
import type { Choice } from '../channels/contract.js';
import type { TurnContext, TurnResult } from '../conversation/types.js';
import { cleanDependentName, cleanRelation, validBirthYear } from './dependent-rules.js';
import { checkinTexts as t, dependentsTexts } from './texts.js';
import type { VisitStore } from './types.js';
import { BACK_TO_MENU } from '../conversation/texts.js';

type Reply = (ctx: TurnContext, text: string, choices?: Choice[], keepVenue?: { codeText: string }) => TurnResult;
type Who = { selfToo: boolean; dependentIds: number[] };

interface Deps {
  readonly store: VisitStore;
  readonly reply: Reply;
  /** Checks the chosen people in at the venue of the last check-in (`codeText` re-resolves it). */
  checkInFamily(ctx: TurnContext, codeText: string, who: Who): Promise<TurnResult>;
}

/** "Bỏ qua", "ko nhớ", "không biết": no birth year. */
const SKIP_WORDS = new Set(['bo qua', 'khong nho', 'khong biet', 'quen roi', 'quen', 'skip', 'khong ro']);
const FLOW = 'checkin';
const FLOW_TTL_MS = 24 * 3600_000;

/** Family members without phones: keep a list, and check several in at once after your own check-in. */
export function dependentsFeatureHandlers(deps: Deps) {
  const venueOf = (ctx: TurnContext) => (typeof ctx.state.flow?.data.codeText === 'string' ? ctx.state.flow.data.codeText : undefined);
  const step = (ctx: TurnContext, name: string, data: Record<string, unknown>, text: string): TurnResult => ({
    replies: [{ type: 'text', text, choices: [{ label: dependentsTexts.huy, data: 'menu:main' }] }],
    state: { flow: { name: FLOW, step: name, data } },
    stateExpiresAt: new Date(ctx.now.getTime() + FLOW_TTL_MS),
  });

  const list = async (ctx: TurnContext): Promise<TurnResult> => {
    const ds = await deps.store.dependents(ctx.person.contactId);
    const choices: Choice[] = [{ label: dependentsTexts.themNguoiThan, data: 'ci:depadd' }, ...ds.map((d) => ({ label: dependentsTexts.xoa(d.name), data: `ci:deprm:${d.id}` }))];
    return deps.reply(ctx, t.familyList(ds), choices);
  };

  const pick = async (ctx: TurnContext): Promise<TurnResult> => {
    const codeText = venueOf(ctx);
    if (!codeText) return deps.reply(ctx, t.noVenueForFamily);
    const ds = await deps.store.dependents(ctx.person.contactId);
    if (ds.length === 0) return deps.reply(ctx, t.familyNone, [{ label: dependentsTexts.themNguoiThan, data: 'ci:depadd' }], { codeText });
    const choices = [...ds.map((d) => ({ label: d.name, data: `ci:fam:${d.id}` })), ...(ds.length > 1 ? [{ label: dependentsTexts.tatCa, data: 'ci:fam:all' }] : [])];
    return deps.reply(ctx, t.familyPick, choices, { codeText });
  };

  const choice = async (ctx: TurnContext, rest: string): Promise<TurnResult | null> => {
    if (rest === 'fam') return pick(ctx);
    if (rest === 'depadd') return step(ctx, 'dep-name', venueOf(ctx) ? { codeText: venueOf(ctx) } : {}, t.askDepName);
    const rm = /^deprm:(\d+)$/.exec(rest);
    if (rm) {
      await deps.store.removeDependent(ctx.person.contactId, Number(rm[1]));
      return deps.reply(ctx, t.depRemoved, [{ label: dependentsTexts.nguoiThan, data: 'ci:famlist' }]);
    }
    if (rest === 'famlist') return list(ctx);
    const fam = /^fam:(all|\d+)$/.exec(rest);
    if (fam) {
      const codeText = venueOf(ctx);
      if (!codeText) return deps.reply(ctx, t.noVenueForFamily);
      const ds = await deps.store.dependents(ctx.person.contactId);
      const ids = fam[1] === 'all' ? ds.map((d) => d.id) : ds.filter((d) => d.id === Number(fam[1])).map((d) => d.id);
      if (ids.length === 0) return pick(ctx);
      return deps.checkInFamily(ctx, codeText, { selfToo: false, dependentIds: ids });
    }
    return null;
  };

  const flow = async (ctx: TurnContext, input: string): Promise<TurnResult | null> => {
    if (input.startsWith('ci:')) return choice(ctx, input.slice(3));
    const s = ctx.state.flow;
    if (!s || s.step === 'after') return null;
    const data = { ...s.data };
    if (s.step === 'dep-name') {
      const name = cleanDependentName(input);
      if (name === null) return step(ctx, 'dep-name', data, t.badDepName);
      return step(ctx, 'dep-year', { ...data, name }, t.askDepYear);
    }
    if (s.step === 'dep-year') {
      const skip = isNo(input) || SKIP_WORDS.has(standardText(input));
      const year = Number(input.trim());
      if (!skip && !validBirthYear(year, ctx.now)) return step(ctx, 'dep-year', data, t.badDepYear);
      return step(ctx, 'dep-rel', { ...data, birthYear: skip ? null : year }, t.askDepRelation);
    }
    if (s.step === 'dep-rel') {
      const relation = cleanRelation(input);
      const d = await deps.store.addDependent(ctx.person.contactId, { name: String(data.name), birthYear: (data.birthYear as number | null) ?? null, relation });
      const codeText = typeof data.codeText === 'string' ? data.codeText : undefined;
      const choices: Choice[] = codeText ? [{ label: dependentsTexts.khaiBaoCho(d.name), data: `ci:fam:${d.id}` }, { label: dependentsTexts.themNguoiNua, data: 'ci:depadd' }] : [{ label: dependentsTexts.themNguoiNua, data: 'ci:depadd' }, BACK_TO_MENU];
      return deps.reply(ctx, t.depAdded(d), choices, codeText ? { codeText } : undefined);
    }
    return null;
  };

  return { list, choice, flow };
}
