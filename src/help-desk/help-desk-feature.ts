import type { AuditLog } from '../audit/audit-log.js';
import type { Choice } from '../channels/contract.js';
import type { Db } from '../db/client.js';
import type { Official } from '../officials/types.js';
import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import type { QuestionRepo } from '../db/repos/question-repo.js';
import type { FaqService } from '../faq/service.js';
import { replyText } from '../faq/texts.js';
import { maskPersonalNumbers } from '../log-scrub.js';
import type { Commune } from '../venue-ops/ports.js';
import { fold } from '../venue-ops/venue-flow.js';
import { officialHandlers } from './official-replies.js';
import { helpDeskTexts as t } from './texts.js';
import { BACK_TO_MENU } from '../conversation/texts.js';

export interface HelpDeskDeps {
  readonly faq: FaqService;
  readonly questions: QuestionRepo;
  searchCommunes(input: string): Commune[];
  communeById(id: string): Commune | undefined;
  /** The official behind a turn (from the officials directory), or null. */
  official(ctx: TurnContext): Promise<Official | null>;
  /** Officials of a commune and the chats that reach them, to forward a question to. */
  officialsOf(communeId: string): Promise<Array<{ chats: Array<{ channel: string; chatId: string }> }>>;
  readonly audit: AuditLog;
  readonly db: Db;
}

export const HELP_DESK = 'helpdesk';
const FLOW_TTL_MS = 24 * 3600_000;
const PERSON_WORDS = ['gap can bo', 'hoi can bo', 'noi chuyen voi can bo', 'gap nguoi that', 'hoi nguoi that', 'chuyen can bo', 'gap nhan vien', 'tu van vien'];
const FEATURED = ['register-portal', 'where-to-vaccinate', 'certificate', 'after-vaccination', 'qr-scan-how'];

type Data = Record<string, unknown>;
const menu: Choice = BACK_TO_MENU;

/**
 * Vaccination questions in everyday Vietnamese, and a way to a person: answers when the matcher is
 * confident, offers the closest topics when it is not, and says honestly when it does not know.
 * Unanswered questions are stored; a resident can pass one to the officials of their commune, and
 * the official's answer comes back to the resident in the same chat.
 */
export function helpDeskFeature(deps: HelpDeskDeps): Feature {
  const flow = (ctx: TurnContext, step: string, data: Data, text: string, choices: Choice[] = []): TurnResult => ({
    replies: [{ type: 'text', text, choices: [...choices, menu] }],
    state: { flow: { name: HELP_DESK, step, data } },
    stateExpiresAt: new Date(ctx.now.getTime() + FLOW_TTL_MS),
  });
  const say = (text: string, choices: Choice[] = [menu]): TurnResult => ({ replies: [{ type: 'text', text, choices }], state: {} });

  const answerQuestion = async (ctx: TurnContext, text: string): Promise<TurnResult> => {
    const result = deps.faq.match(text);
    if (result.decision === 'answer') return { ...say(replyText(result), [menu]), completed: true };
    // Kept to grow the knowledge base, so a phone or ID number typed into the chat is not kept with it.
    const q = await deps.questions.add({ contactId: ctx.person.chatContactId, text: maskPersonalNumbers(text, t.hiddenNumber), topTopics: result.top.map((x) => x.id) });
    if (result.decision === 'suggest') {
      const choices = result.top.map((x) => ({ label: x.title, data: `hd:t:${x.id}` }));
      return say(replyText(result), [...choices, { label: t.notThese, data: `hd:ask:${q.id}` }, menu]);
    }
    return say(replyText(result), [{ label: t.askOfficial, data: `hd:ask:${q.id}` }, menu]);
  };

  const topic = (id: string): TurnResult => {
    const found = deps.faq.topics().find((x) => x.id === id);
    return found ? { ...say(found.body), completed: true } : say(t.unknownTopic);
  };

  const askCommune = (ctx: TurnContext, data: Data) => flow(ctx, 'commune', data, t.askCommune);

  const forward = async (ctx: TurnContext, questionId: number, commune: Commune): Promise<TurnResult> => {
    if (!(await deps.questions.forward(questionId, ctx.person.chatContactId, commune.id))) return say(t.alreadyForwarded);
    const q = await deps.questions.get(questionId);
    // One notice per official, to the chat they used last.
    const officials = (await deps.officialsOf(commune.id)).flatMap((o) => (o.chats[0] ? [o.chats[0]] : []));
    const notices = officials.map((o) => ({
      to: { channel: o.channel, chatId: o.chatId },
      replies: [{ type: 'text' as const, text: t.toOfficial(questionId, commune.name, q?.text ?? ''), choices: [{ label: t.reply, data: `hd:reply:${questionId}` }] }],
    }));
    return { ...say(officials.length ? t.forwarded(commune.name) : t.forwardedNobody(commune.name)), notices, completed: officials.length > 0 };
  };

  const pickCommune = async (ctx: TurnContext, data: Data, input: string): Promise<TurnResult> => {
    const byId = input.startsWith('hd:c:') ? deps.communeById(input.slice(5)) : undefined;
    const found = byId ? [byId] : deps.searchCommunes(input);
    if (found.length === 1) return forward(ctx, Number(data.questionId), found[0]!);
    if (found.length === 0) return flow(ctx, 'commune', data, t.noCommune(input.slice(0, 60)));
    return flow(ctx, 'commune', data, t.pickCommune, found.slice(0, 8).map((c) => ({ label: `${c.name} (${c.district})`, data: `hd:c:${c.id}` })));
  };

  const officials = officialHandlers({ ...deps, flow, say });

  return {
    name: HELP_DESK,
    commands: { hoi: async (ctx, arg) => (arg.trim() ? answerQuestion(ctx, arg.trim()) : say(t.faqIntro, featured())), cauhoi: officials.list, traloi: officials.command },
    choices: {
      'menu:faq': async () => say(t.faqIntro, featured()),
      'hd:t:': async (_ctx, id) => topic(id),
      'hd:ask:': async (ctx, id) => askCommune(ctx, { questionId: Number(id) }),
      'hd:new': async (ctx) => flow(ctx, 'question', {}, t.askQuestion),
      'hd:reply:': async (ctx, id) => officials.start(ctx, Number(id)),
    },
    flow: async (ctx, input) => {
      const s = ctx.state.flow!;
      if (s.step === 'answer') return officials.answer(ctx, s.data, input);
      if (s.step === 'question') {
        if ([...input.trim()].length < 8) return flow(ctx, 'question', s.data, t.questionTooShort);
        const q = await deps.questions.add({ contactId: ctx.person.chatContactId, text: input.trim(), topTopics: [] });
        return askCommune(ctx, { questionId: q.id });
      }
      return pickCommune(ctx, s.data, input);
    },
    text: async (ctx, text) => {
      const f = fold(text);
      if (PERSON_WORDS.some((w) => f.includes(w)) && f.length < 60) return flow(ctx, 'question', {}, t.askQuestion);
      return answerQuestion(ctx, text);
    },
  };

  function featured(): Choice[] {
    const topics = deps.faq.topics();
    return FEATURED.flatMap((id) => topics.filter((x) => x.id === id).map((x) => ({ label: x.title, data: `hd:t:${x.id}` }))).concat({ label: t.askOfficial, data: 'hd:new' });
  }
}
