import type { QuestionRow } from '../../db/repos/question-repo.js';
import { helpDeskTexts } from '../../help-desk/texts.js';
import type { DashboardDeps } from '../deps.js';
import { dashboardTexts as dt } from '../texts.js';
import { narrow, NotFoundError, type Scope } from '../scope.js';

/** Questions residents passed to the officials of the scope's communes, oldest first. */
export async function waitingQuestions(deps: DashboardDeps, scope: Scope, communeId?: string): Promise<QuestionRow[]> {
  return deps.questions(deps.db).waiting(narrow(scope, deps.domain, communeId));
}

export type AnswerResult = 'sent' | 'already_answered' | 'too_short';

/**
 * An official answers in the dashboard: the answer is recorded once and goes back to the
 * resident's chat through the same help-desk text and outbound ledger as an answer typed in chat,
 * in one transaction with its audit record.
 */
export async function answerQuestion(deps: DashboardDeps, scope: Scope, id: number, answer: string): Promise<AnswerResult> {
  const text = answer.trim();
  const q = await deps.questions(deps.db).get(id);
  if (!q) throw new NotFoundError(`question ${id}`);
  scope.assert(q.communeId, `question ${id}`);
  if ([...text].length < 2) return 'too_short';
  const commune = deps.domain.communeById(q.communeId ?? '')?.name ?? dt.someCommune;
  const enqueue = await deps.db.transaction(async (tx) => {
    if (!(await deps.questions(tx).answer(id, null, text.slice(0, 4000), deps.now()))) return null;
    const after = await deps.chat.add(tx, { channel: q.askerChannel, chatId: q.askerChatId }, [{ type: 'text', text: helpDeskTexts.toResident(commune, q.text, text) }]);
    await deps.audit.record(tx, { officialId: scope.official.id, via: 'dashboard', action: 'questions.answer', communeId: q.communeId, subject: `question:${id}` });
    return after;
  });
  if (!enqueue) return 'already_answered';
  await enqueue();
  return 'sent';
}
