import { standardText } from '../language/standardize.js';
import type { Choice } from '../channels/contract.js';
import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import type { NewRegistration, RegistrationRow } from '../db/repos/registration-repo.js';
import { fold } from '../domain/fold.js';
import type { Commune } from '../venue-ops/ports.js';
import { showDate } from './fields.js';
import { nextStep, registrationSteps, summaryLines, type Data } from './registration-steps.js';
import { showVnDateTime } from './reminder-plan.js';
import { fieldNames, regFeatureTexts, regTexts as t } from './texts.js';
import { BACK_TO_MENU } from '../conversation/texts.js';

/** Typed agreement to give the form's personal data (the button is "Đồng ý"). */
const AGREE = new Set(['toi dong y', 'dong y', 'co dong y', 'dong y a', 'toi dong y a', 'co toi dong y']);
const REFUSE = new Set(['khong dong y', 'toi khong dong y', 'khong', 'thoi', 'khong dang ky']);
/** Typed "send" on the summary (the button is "Gửi đăng ký"); "ok" or "đúng rồi" only repeat the summary. */
const SEND = new Set(['gui', 'gui di', 'gui dang ky', 'gui dang ki', 'xac nhan', 'xac nhan gui', 'toi dong y', 'dong y', 'dong y gui dang ky', 'dong y gui dang ki', 'toi dong y gui dang ky', 'toi dong y gui dang ki']);

export interface RegistrationStore {
  create(r: NewRegistration): Promise<RegistrationRow>;
  openByIdNumber(idNumber: string): Promise<RegistrationRow | undefined>;
  byContact(contactId: number): Promise<RegistrationRow[]>;
  cancel(id: number, contactId: number, at: Date): Promise<boolean>;
  setOptOut(contactId: number, out: boolean): Promise<void>;
}

export interface RegistrationFeatureDeps {
  readonly store: RegistrationStore;
  searchCommunes(input: string): Commune[];
  communeById(id: string): Commune | undefined;
  /** Drops the reminders of a cancelled registration (its previous appointment version). */
  unschedule(registrationId: number, version: number): Promise<void>;
  /** REGISTRATION_RETENTION_DAYS, quoted when asking for consent. */
  readonly retentionDays: number;
}

export const REGISTRATION = 'registration';
/**
 * Consent comes first: no personal question is asked before the resident agrees to give the form's
 * data (what, why, how long). After that the half-filled form (name, CCCD, phone, birth date) lives
 * in the conversation state until "Gửi đăng ký"; an abandoned one expires after two hours and the
 * retention job deletes it.
 */
const TTL_MS = 2 * 3600_000;
const STARTERS = ['dang ky tiem', 'dk tiem', 'dang ki tiem', 'dang ky tiem chung', 'dang ky tiem vac xin', 'dang ky tiem vacxin', 'dang ky tiem covid'];
const STOP = ['dung', 'stop', 'dung nhac', 'dung nhac lich', 'huy nhac lich'];
const RESUME = ['bat dau', 'start', 'bat dau nhac', 'nhac lai lich'];
const EDITABLE = ['fullName', 'birthDate', 'gender', 'phone', 'idNumber', 'insurance', 'occupation', 'priority', 'commune', 'address', 'preferredDate', 'screening'];

/** Free text that asks to register (diacritics folded); questions about registering go to the FAQ. */
export const wantsRegistration = (text: string) => {
  const f = fold(text);
  return STARTERS.some((s) => f === s || f === `toi muon ${s}` || f === `${s} cho toi`);
};

/**
 * Vaccination pre-registration by chat: explicit consent (Decree 13/2023) before the first personal
 * question, then the national portal's questions one at a time, each validated with a clear
 * Vietnamese message; a summary where any answer can be corrected; nothing saved as a registration
 * before "Gửi đăng ký"; family members; viewing and cancelling; "DỪNG"/"BẮT ĐẦU" for reminders.
 * Anything typed before consent is answered with the consent question again and kept nowhere.
 */
export function registrationFeature(deps: RegistrationFeatureDeps): Feature {
  const steps = registrationSteps({ search: deps.searchCommunes, byId: deps.communeById });
  const communeName = (id: string) => deps.communeById(id)?.name ?? id;
  const cancelChoice: Choice = { label: regFeatureTexts.huy, data: 'menu:main' };
  const flow = (ctx: TurnContext, data: Data, text: string, choices: Choice[] = [], step = 'form'): TurnResult => ({
    replies: [{ type: 'text', text, choices: [...choices, cancelChoice] }],
    state: { flow: { name: REGISTRATION, step, data } },
    stateExpiresAt: new Date(ctx.now.getTime() + TTL_MS),
  });
  const agreeChoices: Choice[] = [{ label: t.agree, data: 'rg:agree' }, { label: t.refuse, data: 'rg:refuse' }];
  /** The consent question; its state holds no data at all. */
  const askConsent = (ctx: TurnContext, text: string) => flow(ctx, {}, text, agreeChoices, 'consent');
  const consent = (ctx: TurnContext, input: string): Promise<TurnResult> | TurnResult => {
    const said = standardText(input);
    if (input === 'rg:agree' || AGREE.has(said)) return ask(ctx, {});
    if (input === 'rg:refuse' || REFUSE.has(said)) return say(t.refused);
    return askConsent(ctx, t.consentAgain);
  };
  const say = (text: string, choices: Choice[] = [BACK_TO_MENU]): TurnResult => ({ replies: [{ type: 'text', text, choices }], state: {} });

  const ask = (ctx: TurnContext, data: Data, prefix?: string): TurnResult => {
    const step = nextStep(steps, data);
    if (!step) return summary(ctx, data);
    const p = step.prompt(data);
    return flow(ctx, data, prefix ? `${prefix}\n${p.text}` : p.text, p.choices);
  };

  const summary = (ctx: TurnContext, data: Data, prefix?: string): TurnResult => {
    const choices = [{ label: t.send, data: 'rg:send' }, ...EDITABLE.map((f) => ({ label: regFeatureTexts.suaPLlUC(fieldNames[f]!.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLocaleLowerCase('vi'))), data: `rg:edit:${f}` }))];
    const text = t.summary(summaryLines(data, communeName));
    return flow(ctx, { ...data, reviewing: true }, prefix ? `${prefix}\n${text}` : text, choices);
  };

  const edit = (ctx: TurnContext, data: Data, field: string): TurnResult => {
    const cleared: Data = { ...data, reviewing: false };
    if (field === 'screening') delete cleared.screening;
    else if (field === 'commune') delete cleared.communeId;
    else if (field === 'idNumber') (delete cleared.idNumber, delete cleared.idKind);
    else delete cleared[field];
    return ask(ctx, cleared);
  };

  const save = async (ctx: TurnContext, d: Data): Promise<TurnResult> => {
    // One person, one registration: a second one would mean two appointments and two reminders.
    const existing = await deps.store.openByIdNumber(String(d.idNumber));
    if (existing) {
      const ownId = existing.contactId === ctx.person.contactId ? existing.id : null;
      return flow(ctx, { ...d, reviewing: true }, t.duplicate(existing.fullName ?? String(d.fullName), ownId), [
        { label: regFeatureTexts.suaSoGiayTo, data: 'rg:edit:idNumber' },
        ...(ownId ? [{ label: regFeatureTexts.dangKyCuaToi, data: 'rg:mine' }] : []),
      ]);
    }
    const row = await deps.store.create({
      contactId: ctx.person.contactId,
      relation: String(d.relation ?? 'self'),
      fullName: String(d.fullName),
      birthDate: String(d.birthDate),
      gender: String(d.gender),
      phone: String(d.phone),
      idKind: String(d.idKind),
      idNumber: String(d.idNumber),
      insuranceNumber: (d.insurance as string | null) ?? null,
      occupation: String(d.occupation),
      priorityGroup: Number(d.priority),
      communeId: String(d.communeId),
      address: String(d.address),
      preferredDate: String(d.preferredDate),
      screening: (d.screening as Record<string, string>) ?? {},
    });
    return say(t.saved(row.id, String(d.fullName)), [{ label: regFeatureTexts.dangKyChoNguoiKhac, data: 'rg:start' }, { label: regFeatureTexts.dangKyCuaToi, data: 'rg:mine' }, BACK_TO_MENU]);
  };

  const answer = async (ctx: TurnContext, data: Data, input: string): Promise<TurnResult> => {
    if (data.reviewing) {
      // Sending must be explicit: "ok" or "đúng rồi" only repeat the summary. ('rg:consent' is the button of older summaries.)
      if (input === 'rg:send' || input === 'rg:consent' || SEND.has(standardText(input))) return save(ctx, data);
      const m = /^rg:edit:(\w+)$/.exec(input);
      return m ? edit(ctx, data, m[1]!) : summary(ctx, data, t.needSend);
    }
    const step = nextStep(steps, data);
    if (!step) return summary(ctx, data);
    const r = step.accept(input.trim(), data, ctx.now);
    if (!r.ok) {
      const p = step.prompt(data);
      // A long prompt (the 12 priority groups) is not repeated after every slip: the reason says what to type.
      return flow(ctx, data, r.choices || r.brief ? r.reason : `${r.reason}\n${p.text}`, r.choices ?? p.choices);
    }
    return ask(ctx, { ...data, ...r.patch });
  };

  const mine = async (ctx: TurnContext): Promise<TurnResult> => {
    const rows = await deps.store.byContact(ctx.person.contactId);
    if (rows.length === 0) return say(t.none, [{ label: regFeatureTexts.dangKyTiem, data: 'rg:start' }, BACK_TO_MENU]);
    const status = (r: RegistrationRow) => (r.status === 'cancelled' ? regFeatureTexts.daHuy : r.appointmentAt ? regFeatureTexts.lichTiem(showVnDateTime(r.appointmentAt), r.appointmentPlace ?? '') : regFeatureTexts.choXepLichMongMuon(showDate(r.preferredDate ?? '')));
    const lines = rows.map((r) => `#${r.id} ${r.fullName ?? ''}${r.relation === 'self' ? '' : ` (${r.relation})`}: ${status(r)}`);
    const choices = rows.filter((r) => r.status !== 'cancelled').slice(0, 6).map((r) => ({ label: regFeatureTexts.huyDangKy(r.id), data: `rg:cancel:${r.id}` }));
    return say(t.mine(lines), [...choices, BACK_TO_MENU]);
  };

  const cancel = async (ctx: TurnContext, arg: string): Promise<TurnResult> => {
    const confirm = /^yes:(\d+)$/.exec(arg);
    if (!confirm) return say(t.cancelAsk(Number(arg)), [{ label: regFeatureTexts.huyDangKy2, data: `rg:cancel:yes:${Number(arg)}` }, { label: regFeatureTexts.khongHuy, data: 'rg:mine' }]);
    const id = Number(confirm[1]);
    const before = (await deps.store.byContact(ctx.person.contactId)).find((r) => r.id === id);
    if (!before || !(await deps.store.cancel(id, ctx.person.contactId, ctx.now))) return say(t.cannotCancel);
    await deps.unschedule(id, before.appointmentVersion);
    return say(t.cancelled(id));
  };

  const start = async (ctx: TurnContext) => askConsent(ctx, `${t.start}\n\n${t.consentAsk(deps.retentionDays)}`);

  return {
    name: REGISTRATION,
    commands: { dangkytiem: start, dangkycuatoi: mine, dung: async (ctx) => optOut(ctx, true), batdau: async (ctx) => optOut(ctx, false) },
    choices: { 'menu:register': start, 'rg:start': start, 'rg:mine': mine, 'rg:cancel:': cancel },
    flow: async (ctx, input) => (ctx.state.flow!.step === 'consent' ? consent(ctx, input) : answer(ctx, { ...ctx.state.flow!.data }, input)),
    text: async (ctx, text) => {
      const f = fold(text);
      if (STOP.includes(f)) return optOut(ctx, true);
      if (RESUME.includes(f)) return optOut(ctx, false);
      return wantsRegistration(text) ? start(ctx) : null;
    },
  };

  async function optOut(ctx: TurnContext, out: boolean): Promise<TurnResult> {
    await deps.store.setOptOut(ctx.person.contactId, out);
    return say(out ? t.optedOut : t.optedIn);
  }
}
