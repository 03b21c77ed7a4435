import type { Choice } from '../channels/contract.js';
import type { TurnContext, TurnResult } from '../conversation/types.js';
import { checkinTexts as t, historyTexts } from './texts.js';
import type { VisitStore } from './types.js';
import { BACK_TO_MENU } from '../conversation/texts.js';

type Reply = (ctx: TurnContext, text: string, choices?: Choice[]) => TurnResult;

/** How far back "Lịch sử" looks, in every channel. */
export const DAYS_SHOWN = 14;

/** "Lịch sử": the last 14 days of the person's (and dependents') visits, and deleting them. */
export function historyHandlers(deps: { store: VisitStore; reply: Reply; retentionDays: number }) {
  const show = async (ctx: TurnContext): Promise<TurnResult> => {
    const since = new Date(ctx.now.getTime() - DAYS_SHOWN * 24 * 3600_000);
    const visits = await deps.store.recentVisits(ctx.person.contactId, since);
    if (visits.length === 0) return deps.reply(ctx, t.historyEmpty);
    const text = [t.historyTitle, ...visits.map(t.historyLine), '', t.historyPrivacy(deps.retentionDays)].join('\n');
    return deps.reply(ctx, text, [{ label: historyTexts.xoaLichSuCuaToi, data: 'ci:wipe' }, BACK_TO_MENU]);
  };
  const confirmDelete = async (ctx: TurnContext): Promise<TurnResult> =>
    deps.reply(ctx, t.confirmDelete, [{ label: historyTexts.xoaHet, data: 'ci:confirmwipe' }, { label: historyTexts.khongXoa, data: 'menu:main' }]);
  const remove = async (ctx: TurnContext): Promise<TurnResult> => deps.reply(ctx, t.deleted(await deps.store.deleteHistory(ctx.person.contactId)));
  return { show, confirmDelete, delete: remove };
}
