import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import type { VenueRepo } from '../db/repos/venue-repo.js';
import { FLAG_DAYS, FLAG_LIMIT, flagsText, type FlagSource } from './flags.js';
import type { VenueDomain } from './ports.js';
import { communeReport, communeReportText } from './reports.js';
import { officialScope } from './official-scope.js';
import { fold } from './venue-flow.js';

const say = (text: string): TurnResult => ({ replies: [{ type: 'text', text, choices: [{ label: 'Về danh mục', data: 'menu:main' }] }], state: {} });
const OFFICIAL_HELP =
  'Lệnh dành cho cán bộ xã, phường:\n' +
  '• /baocao — tình hình triển khai mã QR từng xã, phường\n' +
  '• /dsdiadiem [loại] [tạm ngừng] — danh sách địa điểm, ví dụ: /dsdiadiem chợ\n' +
  '• /cauhoi — câu hỏi người dân gửi cán bộ, và trả lời\n' +
  '• /batthuong — lượt khai báo bất thường 7 ngày qua cần kiểm tra';
const NOT_OFFICIAL = 'Chức năng này dành cho cán bộ xã, phường. Nếu bạn là cán bộ, đề nghị quản trị viên cấp quyền cho bạn.';

export interface OfficialsDeps {
  readonly domain: VenueDomain;
  readonly repo: VenueRepo;
  readonly flags: FlagSource;
  /** Secret salt of the pseudonyms in the flag list (not guessable from a contact id). */
  readonly pseudonymSalt: string;
}

/**
 * Officials in chat: adoption figures for their communes (/baocao), the venue list by type and
 * status (/dsdiadiem [loại] [tạm ngừng]) and implausible check-ins to review (/batthuong). In the
 * simulator the "official" role sees every commune.
 */
export function officialsFeature(deps: OfficialsDeps): Feature {
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

  const flagged = async (ctx: TurnContext): Promise<TurnResult> => {
    const ids = await communesOf(ctx);
    if (!ids) return say(NOT_OFFICIAL);
    const flags = await deps.flags.recentFlags(ids, new Date(ctx.now.getTime() - FLAG_DAYS * 24 * 3600_000), FLAG_LIMIT);
    return say(flagsText(flags, (id) => deps.domain.communeById(id)?.name ?? id, deps.pseudonymSalt));
  };

  const help = async (ctx: TurnContext): Promise<TurnResult> => ((await communesOf(ctx)) ? say(OFFICIAL_HELP) : say(NOT_OFFICIAL));

  return {
    name: 'officials',
    commands: { baocao: report, dsdiadiem: list, batthuong: flagged, canbo: help },
    text: async (ctx, text) => (['bao cao', 'báo cáo'].includes(text.toLowerCase()) || fold(text) === 'bao cao' ? report(ctx) : null),
  };
}
