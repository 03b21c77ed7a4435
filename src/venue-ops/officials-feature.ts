import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import type { VenueRepo } from '../db/repos/venue-repo.js';
import type { VenueDomain } from './ports.js';
import { communeReport, communeReportText } from './reports.js';
import { officialScope } from './official-scope.js';
import { fold } from './venue-flow.js';

const say = (text: string): TurnResult => ({ replies: [{ type: 'text', text, choices: [{ label: 'Về danh mục', data: 'menu:main' }] }], state: {} });
const NOT_OFFICIAL = 'Chức năng này dành cho cán bộ phường, xã. Nếu bạn là cán bộ, đề nghị quản trị viên cấp quyền cho bạn.';

/**
 * Officials in chat: adoption figures for their communes (/baocao) and the venue list by type and
 * status (/dsdiadiem [loại] [tạm ngừng]). In the simulator the "official" role sees every commune.
 */
export function officialsFeature(deps: { domain: VenueDomain; repo: VenueRepo }): Feature {
  const communesOf = officialScope(deps.domain, deps.repo);

  const report = async (ctx: TurnContext): Promise<TurnResult> => {
    const ids = await communesOf(ctx);
    if (!ids) return say(NOT_OFFICIAL);
    return say(communeReportText(await communeReport(deps.domain, deps.repo, ids, ctx.now)));
  };

  const list = async (ctx: TurnContext, arg: string): Promise<TurnResult> => {
    const ids = await communesOf(ctx);
    if (!ids) return say(NOT_OFFICIAL);
    const words = fold(arg);
    const status = /tam ngung|suspend/.test(words) ? 'suspended' : undefined;
    const type = words ? deps.domain.findType(words.replace(/tam ngung|suspended?/g, '').trim()) : undefined;
    const venues = await deps.repo.list({ communeIds: ids, ...(type ? { typeId: type.id } : {}), ...(status ? { status } : {}) }, 40);
    if (venues.length === 0) return say('Không có địa điểm nào khớp.');
    const lines = venues.map((v) => `• ${v.name} — ${deps.domain.findType(v.typeId)?.name ?? v.typeId}, ${deps.domain.communeById(v.communeId)?.name ?? v.communeId}${v.status === 'active' ? '' : ' (tạm ngừng)'}`);
    return say(`Địa điểm${type ? ` loại "${type.name}"` : ''}${status ? ' đang tạm ngừng' : ''} (tối đa 40):\n${lines.join('\n')}`);
  };

  return {
    name: 'officials',
    commands: { baocao: report, dsdiadiem: list },
    text: async (ctx, text) => (['bao cao', 'báo cáo'].includes(text.toLowerCase()) || fold(text) === 'bao cao' ? report(ctx) : null),
  };
}
