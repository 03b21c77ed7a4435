import { relationOf } from '../language/relations.js';
import type { Choice } from '../channels/contract.js';
import type { Commune } from '../venue-ops/ports.js';
import {
  ANSWERS,
  checkAnswer,
  checkBirthDate,
  checkFullName,
  checkGender,
  checkIdNumber,
  checkInsurance,
  checkPhone,
  checkPreferredDate,
  checkPriorityGroup,
  checkShortText,
  GENDERS,
  PRIORITY_GROUPS,
  SCREENING,
  showDate,
} from './fields.js';
import { regTexts as t, stepTexts } from './texts.js';

export type Data = Record<string, unknown>;

/** What a step makes of one answer: new data, or a reason (with choices to offer again). */
export type Accepted = { ok: true; patch: Data } | { ok: false; reason: string; choices?: Choice[]; brief?: boolean };

/** One question of the pre-registration form, in the national portal's order. */
export interface Step {
  readonly id: string;
  /** Skipped for this data (e.g. "relation" when registering oneself). */
  readonly when?: (d: Data) => boolean;
  prompt(d: Data): { text: string; choices?: Choice[] };
  accept(input: string, d: Data, now: Date): Accepted;
}

const from = <T>(r: { ok: true; value: T } | { ok: false; reason: string }, patch: (v: T) => Data): Accepted => (r.ok ? { ok: true, patch: patch(r.value) } : { ok: false, reason: r.reason });
const answerChoices = (id: string): Choice[] => Object.entries(ANSWERS).map(([k, label]) => ({ label, data: `rg:sc:${id}:${k}` }));

export function registrationSteps(communes: { search(input: string): Commune[]; byId(id: string): Commune | undefined }): Step[] {
  const base: Step[] = [
    {
      id: 'who',
      prompt: () => ({ text: t.who, choices: [{ label: stepTexts.choBanThanToi, data: 'rg:who:self' }, { label: stepTexts.choNguoiThan, data: 'rg:who:other' }] }),
      accept: (input) => (input === 'rg:who:self' || /ban than|toi$|^1$/.test(input.toLowerCase()) ? { ok: true, patch: { who: 'self', relation: 'self' } } : input === 'rg:who:other' || /nguoi than|người thân|^2$/.test(input.toLowerCase()) ? { ok: true, patch: { who: 'other' } } : { ok: false, reason: stepTexts.banChonChoBanThan }),
    },
    { id: 'relation', when: (d) => d.who === 'other', prompt: () => ({ text: t.relation }), accept: (i) => from(checkShortText(i, stepTexts.quanHe, 1, 30), (v) => ({ relation: relationOf(v) })) },
    { id: 'fullName', prompt: () => ({ text: t.fullName }), accept: (i) => from(checkFullName(i), (v) => ({ fullName: v })) },
    { id: 'birthDate', prompt: () => ({ text: t.birthDate }), accept: (i, _d, now) => from(checkBirthDate(i, now), (v) => ({ birthDate: v })) },
    { id: 'gender', prompt: () => ({ text: t.gender, choices: GENDERS.map((g) => ({ label: g, data: `rg:g:${g}` })) }), accept: (i) => from(checkGender(i.replace(/^rg:g:/, '')), (v) => ({ gender: v })) },
    { id: 'phone', prompt: () => ({ text: t.phone }), accept: (i) => from(checkPhone(i), (v) => ({ phone: v })) },
    { id: 'idNumber', prompt: () => ({ text: t.idNumber }), accept: (i) => from(checkIdNumber(i), (v) => ({ idKind: v.kind, idNumber: v.number })) },
    { id: 'insurance', prompt: () => ({ text: t.insurance }), accept: (i) => from(checkInsurance(i), (v) => ({ insurance: v })) },
    { id: 'occupation', prompt: () => ({ text: t.occupation }), accept: (i) => from(checkShortText(i, stepTexts.ngheNghiep, 2, 60), (v) => ({ occupation: v })) },
    {
      id: 'priority',
      prompt: () => ({ text: t.priority(PRIORITY_GROUPS.map((g, n) => `${n}. ${g}`).join('\n')) }),
      accept: (i) => ({ ...from(checkPriorityGroup(i), (v) => ({ priority: v })), brief: true }),
    },
    {
      id: 'commune',
      prompt: () => ({ text: t.commune }),
      accept: (i) => {
        const byId = i.startsWith('rg:c:') ? communes.byId(i.slice(5)) : undefined;
        const found = byId ? [byId] : communes.search(i);
        if (found.length === 1) return { ok: true, patch: { communeId: found[0]!.id } };
        if (found.length === 0) return { ok: false, reason: t.noCommune(i.slice(0, 60)) };
        return { ok: false, reason: t.pickCommune, choices: found.slice(0, 8).map((c) => ({ label: `${c.name} (${c.district})`, data: `rg:c:${c.id}` })) };
      },
    },
    { id: 'address', prompt: () => ({ text: t.address }), accept: (i) => from(checkShortText(i, stepTexts.diaChi, 5, 200), (v) => ({ address: v })) },
    { id: 'preferredDate', prompt: () => ({ text: t.preferredDate }), accept: (i, _d, now) => from(checkPreferredDate(i, now), (v) => ({ preferredDate: v })) },
  ];
  const screening: Step[] = SCREENING.map((q, n) => ({
    id: `sc:${q.id}`,
    // Men are not asked about pregnancy.
    ...(q.id === 'pregnant' ? { when: (d: Data) => d.gender !== 'Nam' } : {}),
    prompt: (d) => ({ text: forWhom(n === 0 ? `${t.screeningIntro}\n${q.text}` : q.text, d), choices: answerChoices(q.id) }),
    accept: (i, d) => {
      const raw = i.startsWith(`rg:sc:${q.id}:`) ? i.slice(`rg:sc:${q.id}:`.length) : i;
      return from(checkAnswer(raw), (v) => ({ screening: { ...((d.screening as Record<string, string>) ?? {}), [q.id]: v } }));
    },
  }));
  return [...base, ...screening];
}

/** Questions about a relative name the relative ("Bạn có đang sốt" -> "Người được đăng ký có đang sốt"). */
function forWhom(text: string, d: Data): string {
  if (d.who !== 'other') return text;
  const who = typeof d.relation === 'string' && d.relation !== 'self' ? stepTexts.cuaBan(d.relation.charAt(0).toLocaleUpperCase('vi'), d.relation.slice(1)) : stepTexts.nguoiDuocDangKy;
  return text.replace(/(^|\n)(Hiện )?[Bb]ạn /g, (_m, start: string, now?: string) => `${start}${now ?? ''}${now ? who.charAt(0).toLocaleLowerCase('vi') + who.slice(1) : who} `);
}

const ID_KINDS: Readonly<Record<string, string>> = { cccd: 'CCCD', cmnd: 'CMND', passport: stepTexts.hoChieu };

/** The step still unanswered, in order; undefined when the form is complete. */
export function nextStep(steps: readonly Step[], d: Data): Step | undefined {
  const answered = (s: Step): boolean => {
    if (s.id === 'who') return d.who !== undefined;
    if (s.id.startsWith('sc:')) return ((d.screening as Record<string, string>) ?? {})[s.id.slice(3)] !== undefined;
    if (s.id === 'idNumber') return d.idNumber !== undefined;
    return d[s.id] !== undefined && !(s.id === 'commune' && !d.communeId);
  };
  return steps.find((s) => (s.when ? s.when(d) : true) && !answered(s) && !(s.id === 'commune' && d.communeId));
}

/** Summary lines; ID numbers are shown masked except the last 4 digits. */
export function summaryLines(d: Data, communeName: (id: string) => string): string[] {
  const sc = (d.screening as Record<string, keyof typeof ANSWERS>) ?? {};
  const id = String(d.idNumber ?? '');
  return [
    ...(d.who === 'other' ? [stepTexts.quanHe2(String(d.relation))] : []),
    stepTexts.hoTen(String(d.fullName)),
    stepTexts.ngaySinh(showDate(String(d.birthDate))),
    stepTexts.gioiTinh(String(d.gender)),
    stepTexts.dienThoai(String(d.phone)),
    stepTexts.so(ID_KINDS[String(d.idKind)] ?? stepTexts.giayTo, '•'.repeat(Math.max(0, id.length - 4)), id.slice(-4)),
    stepTexts.theBhyt(d.insurance ? String(d.insurance) : stepTexts.khongCo),
    stepTexts.ngheNghiep2(String(d.occupation)),
    stepTexts.nhomUuTien(PRIORITY_GROUPS[Number(d.priority)] ?? ''),
    stepTexts.noiO(String(d.address), communeName(String(d.communeId))),
    stepTexts.ngayMongMuon(showDate(String(d.preferredDate))),
    stepTexts.sangLoc(SCREENING.filter((q) => sc[q.id] !== undefined).map((q) => `${q.short}: ${ANSWERS[sc[q.id]!]}`)),
  ];
}
