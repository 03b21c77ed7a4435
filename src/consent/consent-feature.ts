import type { Choice } from '../channels/contract.js';
import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import { consentWord } from '../broadcasts/words.js';
import { showVn } from '../broadcasts/schedule.js';
import type { Commune } from '../venue-ops/ports.js';
import type { ConsentLedger } from './consent-ledger.js';
import { CONSENT_TEXT_VERSION, consentFeatureTexts, consentTexts as t, purposeNames, PURPOSES, type Purpose } from './texts.js';

export interface ConsentFeatureDeps {
  readonly ledger: ConsentLedger;
  searchCommunes(input: string): Commune[];
  communeById(id: string): Commune | undefined;
  /** Communes of the person's own pre-registrations (offered, never applied without their consent). */
  registrationCommunes(personId: number): Promise<string[]>;
  /** The reminder opt-out of issue 6, kept in step with the consent ledger. */
  setReminderOptOut(personId: number, out: boolean): Promise<void>;
}

export const CONSENT = 'consent';
const TTL_MS = 3600_000;

/**
 * Consent by chat: the one optional question about where a person lives (asked once, after a turn
 * that went well), "đổi xã", the stop words (DỪNG / dung / HỦY / STOP) and BẮT ĐẦU, and
 * `/quyenriengtu` to see and toggle every purpose. Every decision is appended to the ledger with
 * the chat and the exact text shown.
 */
export function consentFeature(deps: ConsentFeatureDeps): Feature {
  const chatOf = (ctx: TurnContext) => ({ channel: ctx.event.channel, botId: ctx.event.botId, chatId: ctx.event.chatId });
  const decide = (ctx: TurnContext, purpose: Purpose, given: boolean, textShown: string) =>
    deps.ledger.record({ personId: ctx.person.contactId, purpose, given, chat: chatOf(ctx), textShown, textVersion: CONSENT_TEXT_VERSION, at: ctx.now });
  const say = (text: string, choices: Choice[] = []): TurnResult => ({ replies: [{ type: 'text', text, ...(choices.length ? { choices } : {}) }], state: {} });
  const name = (id: string | null | undefined) => (id ? (deps.communeById(id)?.name ?? id) : null);

  /** Asks which commune; `shown` is the consent text the answer will be recorded against. */
  const askCommune = async (ctx: TurnContext, intro: string, shown: string): Promise<TurnResult> => {
    const fromRegistration = (await deps.registrationCommunes(ctx.person.contactId)).filter((id) => deps.communeById(id));
    const choices: Choice[] = [...new Set(fromRegistration)].slice(0, 2).map((id) => ({ label: t.useRegistration(name(id)!), data: `cs:commune:${id}` }));
    choices.push({ label: t.clear, data: 'cs:clear' });
    return {
      replies: [{ type: 'text', text: intro, choices }],
      state: { flow: { name: CONSENT, step: 'commune', data: { shown } } },
      stateExpiresAt: new Date(ctx.now.getTime() + TTL_MS),
    };
  };

  const saveCommune = async (ctx: TurnContext, communeId: string, shown: string): Promise<TurnResult> => {
    const commune = deps.communeById(communeId);
    if (!commune) return say(t.notFound(communeId));
    await deps.ledger.setHome(ctx.person.contactId, commune.id, 'chat', ctx.now);
    await decide(ctx, 'announcements', true, shown);
    return say(t.saved(commune.name));
  };

  const clearCommune = async (ctx: TurnContext, shown: string): Promise<TurnResult> => {
    await deps.ledger.setHome(ctx.person.contactId, null, 'chat', ctx.now);
    await decide(ctx, 'announcements', false, shown);
    return say(t.cleared);
  };

  const stop = async (ctx: TurnContext): Promise<TurnResult> => {
    await decide(ctx, 'announcements', false, t.stopped);
    await decide(ctx, 'reminders', false, t.stopped);
    await deps.setReminderOptOut(ctx.person.contactId, true);
    return say(t.stopped);
  };

  const resume = async (ctx: TurnContext): Promise<TurnResult> => {
    await decide(ctx, 'reminders', true, t.resumed);
    await deps.setReminderOptOut(ctx.person.contactId, false);
    const home = await deps.ledger.home(ctx.person.contactId);
    if (!home?.communeId) return askCommune(ctx, `${t.resumedNoHome}\n${t.askWhich}`, t.askHome);
    await decide(ctx, 'announcements', true, t.resumed);
    return say(t.resumed);
  };

  const privacy = async (ctx: TurnContext): Promise<TurnResult> => {
    const current = await deps.ledger.current(ctx.person.contactId);
    const home = await deps.ledger.home(ctx.person.contactId);
    const lines = PURPOSES.map((p) => {
      const e = current.get(p);
      const where = e ? consentFeatureTexts.ban(e.channel, e.textVersion) : '';
      return `• ${purposeNames[p]}: ${!e ? t.never : e.given ? t.given(showVn(e.at), where) : t.withdrawn(showVn(e.at), where)}`;
    });
    const choices = PURPOSES.map((p) => {
      const on = current.get(p)?.given === true;
      return { label: consentFeatureTexts.toggle(!on, purposeNames[p].split(' (')[0]!), data: `cs:toggle:${p}:${on ? 'off' : 'on'}` };
    });
    choices.push({ label: consentFeatureTexts.doiXaPhuong, data: 'cs:change' });
    return say([t.privacyTitle, ...lines, t.home(name(home?.communeId)), t.privacyFoot].join('\n'), choices);
  };

  const toggle = async (ctx: TurnContext, arg: string): Promise<TurnResult> => {
    const m = /^(announcements|reminders|exposure-alerts):(on|off)$/.exec(arg);
    if (!m) return privacy(ctx);
    const purpose = m[1] as Purpose;
    const on = m[2] === 'on';
    if (purpose === 'announcements' && on && !(await deps.ledger.home(ctx.person.contactId))?.communeId) return askCommune(ctx, t.askWhich, t.askHome);
    const shown = consentFeatureTexts.toggle(on, purposeNames[purpose]);
    await decide(ctx, purpose, on, shown);
    if (purpose === 'reminders') await deps.setReminderOptOut(ctx.person.contactId, !on);
    return say(on ? t.toggledOn(purposeNames[purpose]) : t.toggledOff(purposeNames[purpose]), [{ label: consentFeatureTexts.quyenRiengTu, data: 'cs:privacy' }]);
  };

  const change = async (ctx: TurnContext): Promise<TurnResult> => {
    const home = await deps.ledger.home(ctx.person.contactId);
    return askCommune(ctx, t.changeAsk(name(home?.communeId)), t.askHome);
  };

  const flow = async (ctx: TurnContext, input: string): Promise<TurnResult | null> => {
    const shown = String(ctx.state.flow?.data.shown ?? t.askHome);
    if (input.startsWith('cs:')) return null; // choices are routed by the core
    const found = deps.searchCommunes(input);
    if (found.length === 1) return saveCommune(ctx, found[0]!.id, shown);
    if (found.length === 0) return { ...(await askCommune(ctx, t.notFound(input), shown)) };
    const choices = found.slice(0, 6).map((c) => ({ label: `${c.name} (${c.district})`, data: `cs:commune:${c.id}` }));
    return { replies: [{ type: 'text', text: t.pick, choices: [...choices, { label: t.clear, data: 'cs:clear' }] }], state: { flow: { name: CONSENT, step: 'commune', data: { shown } } }, stateExpiresAt: new Date(ctx.now.getTime() + TTL_MS) };
  };

  return {
    name: CONSENT,
    commands: { quyenriengtu: privacy, doixa: change, dung: stop, batdau: resume },
    choices: {
      'cs:yes': (ctx) => askCommune(ctx, t.askWhich, t.askHome),
      'cs:no': async (ctx) => (await deps.ledger.markAsked(ctx.person.contactId, ctx.now), say(t.declined)),
      'cs:commune:': (ctx, arg) => saveCommune(ctx, arg, String(ctx.state.flow?.data.shown ?? t.askHome)),
      'cs:clear': (ctx) => clearCommune(ctx, t.clear),
      'cs:change': change,
      'cs:privacy': privacy,
      'cs:toggle:': toggle,
      'menu:privacy': privacy,
    },
    flow,
    text: async (ctx, text) => {
      const word = consentWord(text);
      if (word === 'stop') return stop(ctx);
      if (word === 'resume') return resume(ctx);
      if (word === 'change-commune') return change(ctx);
      return null;
    },
    afterTurn: async (ctx, result) => {
      // Only after a turn that went well: asking a favour right after "that code is not valid" or an
      // apology reads as spam. Never inside a flow (its handler would see our choices first).
      if (ctx.person.role !== 'resident' || result.completed !== true || result.state.flow) return result;
      if (ctx.event.body.type !== 'text' && ctx.event.body.type !== 'choice') return result;
      const last = result.replies.at(-1);
      if (!last || last.type !== 'text') return result;
      const home = await deps.ledger.home(ctx.person.contactId);
      if (home?.askedAt) return result;
      await deps.ledger.markAsked(ctx.person.contactId, ctx.now);
      // The question joins the turn's last message and its choices follow the turn's own, so a
      // numbered list (platforms without buttons) stays one list and "1" keeps its meaning.
      const choices = [...(last.choices ?? []), { label: t.yes, data: 'cs:yes' }, { label: t.no, data: 'cs:no' }];
      const joined = { type: 'text' as const, text: `${last.text}\n\n${t.askHome}`, choices };
      return { ...result, replies: [...result.replies.slice(0, -1), joined], state: { ...result.state, choices } };
    },
  };
}
