import type { AuditLog } from '../audit/audit-log.js';
import { communesOfEntry } from '../audit/scope-entry.js';
import type { Choice } from '../channels/contract.js';
import type { Db } from '../db/client.js';
import { inScope, type Official } from '../officials/types.js';
import type { TurnContext, TurnResult } from '../conversation/types.js';
import type { QuestionRepo } from '../db/repos/question-repo.js';
import type { Commune } from '../venue-ops/ports.js';
import { helpDeskTexts as t, officialReplyTexts } from './texts.js';
import { BACK_TO_MENU } from '../conversation/texts.js';

type Data = Record<string, unknown>;

interface Deps {
  readonly questions: QuestionRepo;
  communeById(id: string): Commune | undefined;
  official(ctx: TurnContext): Promise<Official | null>;
  readonly audit: AuditLog;
  readonly db: Db;
  flow(ctx: TurnContext, step: string, data: Data, text: string, choices?: Choice[]): TurnResult;
  say(text: string, choices?: Choice[]): TurnResult;
}

/**
 * The official's side of the hand-off: list the open questions of their communes (/cauhoi), pick one
 * and type the answer (or `/traloi <số> <câu trả lời>` in one message); the answer goes back to the
 * resident as a notice, recorded once even if the official presses twice.
 */
export function officialHandlers(deps: Deps) {
  /** The official, when they may act on a question of this commune (null: a question never forwarded). */
  const mayAnswer = async (ctx: TurnContext, communeId: string | null): Promise<Official | null> => {
    const me = await deps.official(ctx);
    return me && (communeId === null || inScope(me, communeId)) ? me : null;
  };

  const list = async (ctx: TurnContext): Promise<TurnResult> => {
    const me = await deps.official(ctx);
    if (!me) return deps.say(t.notOfficial);
    const open = (await deps.questions.open(me.communeIds)).filter((q) => q.status === 'forwarded');
    await deps.audit.record(deps.db, { officialId: me.id, via: 'chat', action: 'questions.read', ...communesOfEntry(me.communeIds, { shown: open.length }) });
    const lines = open.map((q) => `#${q.id} (${deps.communeById(q.communeId ?? '')?.name ?? officialReplyTexts.chuaRoXa}): ${q.text.slice(0, 120)}`);
    return deps.say(t.openQuestions(lines), [...open.slice(0, 8).map((q) => ({ label: `${t.reply} #${q.id}`, data: `hd:reply:${q.id}` })), BACK_TO_MENU]);
  };

  const start = async (ctx: TurnContext, id: number): Promise<TurnResult> => {
    const q = await deps.questions.get(id);
    if (!q || q.status !== 'forwarded') return deps.say(t.alreadyAnswered(id));
    const me = await mayAnswer(ctx, q.communeId);
    if (!me) return deps.say(t.notOfficial);
    await deps.audit.record(deps.db, { officialId: me.id, via: 'chat', action: 'questions.read', communeId: q.communeId, subject: `question:${id}` });
    return deps.flow(ctx, 'answer', { questionId: id }, t.askAnswer(id, q.text));
  };

  const send = async (ctx: TurnContext, id: number, answer: string): Promise<TurnResult> => {
    const q = await deps.questions.get(id);
    const me = q ? await mayAnswer(ctx, q.communeId) : null;
    if (!q || !me) return deps.say(q ? t.notOfficial : t.alreadyAnswered(id));
    if ([...answer].length < 2) return deps.flow(ctx, 'answer', { questionId: id }, t.answerTooShort);
    if (!(await deps.questions.answer(id, ctx.person.contactId, answer, ctx.now))) return deps.say(t.alreadyAnswered(id));
    await deps.audit.record(deps.db, { officialId: me.id, via: 'chat', action: 'questions.answer', communeId: q.communeId, subject: `question:${id}` });
    const commune = deps.communeById(q.communeId ?? '')?.name ?? officialReplyTexts.xaPhuong;
    return {
      ...deps.say(t.answerSent(id)),
      notices: [{ to: { channel: q.askerChannel, botId: q.askerBotId, chatId: q.askerChatId }, replies: [{ type: 'text', text: t.toResident(commune, q.text, answer) }] }],
    };
  };

  const answer = (ctx: TurnContext, data: Data, input: string) => send(ctx, Number(data.questionId), input.trim());

  const command = async (ctx: TurnContext, arg: string): Promise<TurnResult> => {
    const m = /^#?(\d+)\s+([\s\S]+)$/.exec(arg.trim());
    if (!m) return m === null && /^#?\d+$/.test(arg.trim()) ? start(ctx, Number(arg.trim().replace('#', ''))) : list(ctx);
    return send(ctx, Number(m[1]), m[2]!.trim());
  };

  return { list, start, answer, command };
}
