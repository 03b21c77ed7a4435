import type { Choice } from '../channels/contract.js';
import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import type { QuestionRepo } from '../db/repos/question-repo.js';
import { fold } from '../domain/fold.js';
import type { Dependent } from '../checkin/types.js';
import type { TracingDeps } from './deps.js';
import { followUp, listEvents, closeEvent } from './follow-up.js';
import { openPlaceEvent, type WindowInput } from './open-place-event.js';
import type { Caller, Official } from './ports.js';
import { previewEvent } from './preview-event.js';
import { approveEvent, sendAlerts } from './send-alerts.js';
import { createShareCode, normaliseShareCode, openPersonEvent } from './share-history.js';
import { tracingTexts as t } from './texts.js';
import { tracingFeatureTexts } from './texts.js';

export interface TracingFeatureDeps {
  readonly tracing: TracingDeps;
  /** The official behind this chat, or null (issue 10's `OfficialsDirectory.forChat`). */
  officialOf(ctx: TurnContext): Promise<Official | null>;
  dependents(contactId: number): Promise<Dependent[]>;
  /** Officials of a commune with the chats that reach them (issue 10's `OfficialsDirectory.ofCommune`). */
  officialsOf(communeId: string): Promise<Array<{ chats: Array<{ channel: string; botId: string; chatId: string }> }>>;
  readonly questions: QuestionRepo;
}

const VN = 7 * 3600_000;
const menu: Choice = { label: tracingFeatureTexts.veDanhMuc, data: 'menu:main' };

/**
 * "Chợ Phổ Minh 01/12 7:00-10:00" → venue text and one window (Vietnam time; an end before the
 * start runs past midnight; a date later than today means last year).
 */
export function parsePlaceArgs(arg: string, now: Date): { venue: string; window: WindowInput } | null {
  const m = /^(.+?)\s+(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\s+(\d{1,2})(?:[:hg](\d{2}))?\s*(?:-|–|đến|den)\s*(\d{1,2})(?:[:hg](\d{2}))?$/i.exec(arg.trim());
  if (!m) return null;
  const local = new Date(now.getTime() + VN);
  let year = m[4] ? Number(m[4]) : local.getUTCFullYear();
  const at = (h: string, min: string | undefined, y: number) => new Date(Date.UTC(y, Number(m[3]) - 1, Number(m[2]), Number(h), Number(min ?? 0)) - VN);
  if (!m[4] && at(m[5]!, m[6], year).getTime() > now.getTime()) year -= 1;
  const from = at(m[5]!, m[6], year);
  let to = at(m[7]!, m[8], year);
  if (to.getTime() <= from.getTime()) to = new Date(to.getTime() + 24 * 3600_000);
  return { venue: m[1]!.trim(), window: { from, to } };
}

/**
 * Tracing in chat: officials' `/truyvet` (open by place and time or by a share code, preview, send,
 * approve, follow-up, close), the resident's "Chia sẻ lịch sử cho cán bộ y tế", and the alert's
 * buttons ("Đã nhận", "Tôi có triệu chứng" → an urgent help-desk question to the commune).
 */
export function tracingFeature(deps: TracingFeatureDeps): Feature {
  const tr = deps.tracing;
  const say = (text: string, choices: Choice[] = [menu]): TurnResult => ({ replies: [{ type: 'text', text, choices }], state: {} });

  const asOfficial = async (ctx: TurnContext, fn: (caller: Caller) => Promise<TurnResult>): Promise<TurnResult> => {
    const official = await deps.officialOf(ctx);
    if (!official) return say(t.notOfficial);
    try {
      return await fn({ official, via: 'chat' });
    } catch (err) {
      const e = err as { code?: string; message?: string; retryable?: boolean };
      if (e.code && e.retryable === false) {
        const approve = e.code === 'approval_required' && official.role === 'admin' ? [{ label: t.approve, data: `tv:approve:${String(e.message).match(/event (\d+)/)?.[1] ?? ''}` }] : [];
        return say(t.error(e.code, e.message ?? ''), [...approve, menu]);
      }
      throw err;
    }
  };

  const showPreview = async (caller: Caller, eventId: number): Promise<TurnResult> => {
    const p = await previewEvent(tr, caller, eventId);
    const event = await tr.repo.event(eventId);
    const actions: Choice[] = p.status === 'open' ? [{ label: t.send, data: `tv:send:${eventId}` }, ...(p.needsApproval && caller.official?.role === 'admin' ? [{ label: t.approve, data: `tv:approve:${eventId}` }] : []), { label: t.close, data: `tv:close:${eventId}` }] : [];
    return say(t.preview(p, tr.communeName(event?.communeId ?? '')), [...actions, menu]);
  };

  const truyvet = (ctx: TurnContext, arg: string) =>
    asOfficial(ctx, async (caller) => {
      const text = arg.trim();
      if (!text) {
        const events = await listEvents(tr, caller);
        return say(`${t.events(events.slice(0, 8).map((e) => `#${e.id} ${e.kind === 'place' ? 'địa điểm' : 'người mắc'}, ${tr.communeName(e.communeId)}, ${e.status === 'open' ? 'đang mở' : 'đã đóng'}`))}\n\n${t.usage}`, [...events.slice(0, 5).map((e) => ({ label: tracingFeatureTexts.suKien(e.id), data: `tv:show:${e.id}` })), menu]);
      }
      if (normaliseShareCode(text)) return showPreview(caller, (await openPersonEvent(tr, caller, { code: text })).eventId);
      const id = /^#?(\d+)$/.exec(text);
      if (id) return showFollowUp(caller, Number(id[1]));
      const place = parsePlaceArgs(text, ctx.now);
      if (!place) return say(t.usage);
      return showPreview(caller, (await openPlaceEvent(tr, caller, { venue: place.venue, windows: [place.window] })).eventId);
    });

  const showFollowUp = async (caller: Caller, eventId: number): Promise<TurnResult> => {
    const f = await followUp(tr, caller, eventId);
    const actions = f.status === 'open' ? [{ label: tracingFeatureTexts.xemTruocGuiThem, data: `tv:preview:${eventId}` }, { label: t.close, data: `tv:close:${eventId}` }] : [];
    return say(t.followUp(f), [...actions, menu]);
  };

  const respond = async (ctx: TurnContext, idText: string, what: 'acknowledged' | 'symptoms'): Promise<TurnResult> => {
    const alert = await tr.repo.alertOf(Number(idText), ctx.person.contactId);
    if (!alert) return say(t.alertUnknown);
    if (alert.status !== 'open') return say(t.eventClosedForResident);
    const fresh = await tr.repo.markAlert(alert.id, what, ctx.now);
    if (what === 'acknowledged') return say(fresh ? t.ackThanks : t.ackAgain);
    if (!fresh) return say(t.symptomsAgain);
    const dependents = alert.dependentId === null ? [] : await deps.dependents(ctx.person.contactId);
    const who = dependents.find((d) => d.id === alert.dependentId)?.name ?? null;
    const question = await deps.questions.add({ contactId: ctx.person.chatContactId, text: t.urgentQuestion(alert.eventId, who), topTopics: [] });
    await deps.questions.forward(question.id, ctx.person.chatContactId, alert.communeId);
    const commune = tr.communeName(alert.communeId);
    const officials = (await deps.officialsOf(alert.communeId)).flatMap((o) => (o.chats[0] ? [o.chats[0]] : []));
    return {
      ...say(t.symptomsSent(commune)),
      notices: officials.map((o) => ({ to: o, replies: [{ type: 'text' as const, text: t.toOfficialUrgent(question.id, commune, question.text), choices: [{ label: t.reply, data: `hd:reply:${question.id}` }] }] })),
    };
  };

  const share = async (ctx: TurnContext): Promise<TurnResult> => {
    const family = await deps.dependents(ctx.person.contactId);
    return say(t.shareWho, [{ label: t.shareSelf, data: 'tv:share:self' }, ...family.map((d) => ({ label: d.name, data: `tv:share:d${d.id}` })), menu]);
  };

  const shareFor = async (ctx: TurnContext, who: string): Promise<TurnResult> => {
    const dependent = who === 'self' ? null : (await deps.dependents(ctx.person.contactId)).find((d) => `d${d.id}` === who);
    if (who !== 'self' && !dependent) return share(ctx);
    const { code, expiresAt } = await createShareCode(tr, ctx.person.contactId, dependent?.id ?? null);
    return say(t.shareCode(code, dependent?.name ?? null, expiresAt));
  };

  const withOfficial = (fn: (caller: Caller, id: number) => Promise<TurnResult>) => (ctx: TurnContext, id: string) => asOfficial(ctx, (caller) => fn(caller, Number(id)));

  return {
    name: 'tracing',
    commands: { truyvet, chiase: (ctx) => share(ctx) },
    choices: {
      'tv:show:': withOfficial(showFollowUp),
      'tv:preview:': withOfficial(showPreview),
      'tv:send:': withOfficial(async (caller, id) => {
        const r = await sendAlerts(tr, caller, id);
        return say(t.sent(id, r.alerted, r.unreachable), [{ label: tracingFeatureTexts.theoDoi, data: `tv:show:${id}` }, menu]);
      }),
      'tv:approve:': withOfficial(async (caller, id) => {
        const r = await approveEvent(tr, caller, id);
        return say(t.approved(id, r.approvedFor), [{ label: t.send, data: `tv:send:${id}` }, menu]);
      }),
      'tv:close:': withOfficial(async (caller, id) => {
        await closeEvent(tr, caller, id);
        return say(t.closed(id));
      }),
      'tv:ack:': (ctx, id) => respond(ctx, id, 'acknowledged'),
      'tv:sym:': (ctx, id) => respond(ctx, id, 'symptoms'),
      'tv:share:': (ctx, who) => shareFor(ctx, who),
      'tv:share': (ctx) => share(ctx),
    },
    text: async (ctx, text) => {
      const f = fold(text);
      if (f.length < 60 && (f.includes('chia se lich su') || f.includes('chia se lich su cho can bo'))) return share(ctx);
      return null;
    },
  };
}
