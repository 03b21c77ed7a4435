import type { Choice } from '../channels/contract.js';
import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import type { QuestionRepo } from '../db/repos/question-repo.js';
import { fold } from '../domain/fold.js';
import type { Dependent } from '../checkin/types.js';
import type { TracingDeps } from './deps.js';
import { followUp, listEvents, closeEvent } from './follow-up.js';
import { extendEvent, openPlaceEvent } from './open-place-event.js';
import { parsePlaces } from './place-args.js';
import { readAlertAnswer, type AlertAnswer } from './answer-words.js';
import type { Caller, Official } from './ports.js';
import { previewEvent } from './preview-event.js';
import { approveEvent, sendAlerts } from './send-alerts.js';
import { createShareCode, normaliseShareCode, openPersonEvent } from './share-history.js';
import { tracingFeatureTexts, tracingTexts as t } from './texts.js';
import { BACK_TO_MENU } from '../conversation/texts.js';

export interface TracingFeatureDeps {
  readonly tracing: TracingDeps;
  /** The official behind this chat, or null (issue 10's `OfficialsDirectory.forChat`). */
  officialOf(ctx: TurnContext): Promise<Official | null>;
  dependents(contactId: number): Promise<Dependent[]>;
  /** Officials of a commune with the chats that reach them (issue 10's `OfficialsDirectory.ofCommune`). */
  officialsOf(communeId: string): Promise<Array<{ chats: Array<{ channel: string; botId: string; chatId: string }> }>>;
  readonly questions: QuestionRepo;
}

const menu: Choice = BACK_TO_MENU;
/** How long after an alert typed answers still count (the 14 days residents are asked to watch their health). */
const FOLLOW_UP_DAYS = 14;

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
    const event = await tr.repo.events.event(eventId);
    const actions: Choice[] = p.status === 'open' ? [{ label: t.send, data: `tv:send:${eventId}` }, ...(p.needsApproval && caller.official?.role === 'admin' ? [{ label: t.approve, data: `tv:approve:${eventId}` }] : []), { label: t.close, data: `tv:close:${eventId}` }] : [];
    return say(t.preview(p, tr.communeName(event?.communeId ?? '')), [...actions, menu]);
  };

  const truyvet = (ctx: TurnContext, arg: string) =>
    asOfficial(ctx, async (caller) => {
      const text = arg.trim();
      if (!text) {
        const events = await listEvents(tr, caller);
        return say(`${t.events(events.slice(0, 8).map((e) => tracingFeatureTexts.eventLine(e.id, e.kind === 'place', tr.communeName(e.communeId), e.status === 'open')))}\n\n${t.usage}`, [...events.slice(0, 5).map((e) => ({ label: tracingFeatureTexts.suKien(e.id), data: `tv:show:${e.id}` })), menu]);
      }
      if (normaliseShareCode(text)) return showPreview(caller, (await openPersonEvent(tr, caller, { code: text })).eventId);
      const id = /^#?(\d+)$/.exec(text);
      if (id) return showFollowUp(caller, Number(id[1]));
      // "#12 thêm Tạp hóa Cô Ba, 01/12 15:00-16:00": more windows or venues; a send then alerts only new people.
      const extend = /^#(\d+)\s*(?:thêm|them|\+)\s*([\s\S]+)$/i.exec(text);
      if (extend) {
        const places = parsePlaces(extend[2]!, ctx.now);
        if (!places) return say(t.usage);
        await extendEvent(tr, caller, Number(extend[1]), { ...places[0]!, more: places.slice(1) });
        return showPreview(caller, Number(extend[1]));
      }
      const places = parsePlaces(text, ctx.now);
      if (!places) return say(t.usage);
      return showPreview(caller, (await openPlaceEvent(tr, caller, { ...places[0]!, more: places.slice(1) })).eventId);
    });

  const showFollowUp = async (caller: Caller, eventId: number): Promise<TurnResult> => {
    const f = await followUp(tr, caller, eventId);
    const actions = f.status === 'open' ? [{ label: tracingFeatureTexts.xemTruocGuiThem, data: `tv:preview:${eventId}` }, { label: t.close, data: `tv:close:${eventId}` }] : [];
    return say(t.followUp(f), [...actions, menu]);
  };

  const respond = async (ctx: TurnContext, idText: string, what: 'acknowledged' | 'symptoms'): Promise<TurnResult> => {
    const alert = await tr.repo.alerts.alertOf(Number(idText), ctx.person.contactId);
    if (!alert) return say(t.alertUnknown);
    if (alert.status !== 'open') return say(t.eventClosedForResident);
    const fresh = await tr.repo.alerts.markAlert(alert.id, what, ctx.now);
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

  /**
   * "đã nhận" / "tôi có triệu chứng" typed instead of pressed, answering the alerts of open events
   * from the last 14 days: "đã nhận" acknowledges them all; symptoms go to the commune at once when
   * one person was alerted, else the resident picks who (themselves or a family member). Without
   * such an alert the words are not ours (null: the FAQ answers them).
   */
  const typedAnswer = async (ctx: TurnContext, answer: AlertAnswer): Promise<TurnResult | null> => {
    const alerts = await tr.repo.alerts.openAlertsOf(ctx.person.contactId, new Date(ctx.now.getTime() - FOLLOW_UP_DAYS * 24 * 3600_000));
    if (alerts.length === 0) return null;
    if (answer === 'acknowledged') {
      let fresh = false;
      for (const a of alerts.filter((x) => !x.acknowledgedAt)) fresh = (await tr.repo.alerts.markAlert(a.id, 'acknowledged', ctx.now)) || fresh;
      return say(fresh ? t.ackThanks : t.ackAgain);
    }
    const byPerson = new Map<string, (typeof alerts)[number]>();
    for (const a of alerts) if (!byPerson.has(String(a.dependentId))) byPerson.set(String(a.dependentId), a); // newest alert per person
    const open = [...byPerson.values()].filter((a) => !a.symptomsAt);
    if (open.length === 0) return say(t.symptomsAgain);
    if (open.length === 1) return respond(ctx, String(open[0]!.id), 'symptoms');
    return say(t.whoHasSymptoms, [...open.map((a) => ({ label: a.dependentName ?? t.symptomsSelf, data: `tv:sym:${a.id}` })), menu]);
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
    answer: async (ctx, text) => {
      const answer = readAlertAnswer(text);
      return answer ? typedAnswer(ctx, answer) : null;
    },
  };
}
