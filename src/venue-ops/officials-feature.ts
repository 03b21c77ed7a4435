import type { AuditEntry, AuditLog } from '../audit/audit-log.js';
import { communesOfEntry } from '../audit/scope-entry.js';
import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import type { Db } from '../db/client.js';
import type { VenueRepo } from '../db/repos/venue-repo.js';
import type { OfficialsDirectory } from '../officials/types.js';
import { FLAG_DAYS, FLAG_LIMIT, flagsText, type FlagSource } from './flags.js';
import type { VenueDomain } from './ports.js';
import { communeReport, communeReportText } from './reports.js';
import { officialOfTurn } from './official-scope.js';
import { fold } from './venue-flow.js';

const say = (text: string): TurnResult => ({ replies: [{ type: 'text', text, choices: [{ label: 'Về danh mục', data: 'menu:main' }] }], state: {} });
const OFFICIAL_HELP =
  'Lệnh dành cho cán bộ phường, xã:\n' +
  '• /baocao — tình hình triển khai mã QR từng phường, xã\n' +
  '• /dsdiadiem [loại] [tạm ngừng] — danh sách địa điểm, ví dụ: /dsdiadiem chợ\n' +
  '• /cauhoi — câu hỏi người dân gửi cán bộ, và trả lời\n' +
  '• /batthuong — lượt khai báo bất thường 7 ngày qua cần kiểm tra';
const ADMIN_HELP =
  '\n\nLệnh dành cho quản trị viên:\n' +
  '• /moicanbo <tên xã, phường> — tạo mã mời cán bộ (dùng một lần, trong 48 giờ)\n' +
  '• /moicanbo quản trị — tạo mã mời quản trị viên';
export const NOT_OFFICIAL = 'Chức năng này dành cho cán bộ phường, xã. Nếu bạn là cán bộ, đề nghị quản trị viên gửi mã mời cho bạn rồi nhắn mã đó vào đây.';

export interface OfficialsDeps {
  readonly domain: VenueDomain;
  readonly repo: VenueRepo;
  readonly flags: FlagSource;
  /** Secret salt of the pseudonyms in the flag list (not guessable from a contact id). */
  readonly pseudonymSalt: string;
  readonly officials: OfficialsDirectory;
  readonly audit: AuditLog;
  readonly db: Db;
}

/**
 * Officials in chat: adoption figures for their communes (/baocao), the venue list by type and
 * status (/dsdiadiem [loại] [tạm ngừng]) and implausible check-ins to review (/batthuong). Who is an
 * official, and for which communes, comes only from the officials directory; reads of data about
 * people are written to the audit log.
 */
export function officialsFeature(deps: OfficialsDeps): Feature {
  const officialOf = officialOfTurn(deps.officials);
  const communesOf = async (ctx: TurnContext) => (await officialOf(ctx))?.communeIds as string[] | undefined;
  const audit = async (ctx: TurnContext, action: string, ids: readonly string[], detail: Record<string, unknown> = {}) => {
    const official = await officialOf(ctx);
    const entry: AuditEntry = { officialId: official?.id ?? null, via: 'chat', action, ...communesOfEntry(ids, detail) };
    await deps.audit.record(deps.db, entry);
  };

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
    await audit(ctx, 'venues.list', ids, { shown: venues.length });
    if (venues.length === 0) return say('Không có địa điểm nào khớp.');
    const lines = venues.map((v) => `• ${v.name} — ${deps.domain.findType(v.typeId)?.name ?? v.typeId}, ${deps.domain.communeById(v.communeId)?.name ?? v.communeId}${v.status === 'active' ? '' : ' (tạm ngừng)'}`);
    return say(`Địa điểm${type ? ` loại "${type.name}"` : ''}${status ? ' đang tạm ngừng' : ''} (tối đa 40):\n${lines.join('\n')}`);
  };

  const flagged = async (ctx: TurnContext): Promise<TurnResult> => {
    const ids = await communesOf(ctx);
    if (!ids) return say(NOT_OFFICIAL);
    const flags = await deps.flags.recentFlags(ids, new Date(ctx.now.getTime() - FLAG_DAYS * 24 * 3600_000), FLAG_LIMIT);
    await audit(ctx, 'flags.read', ids, { shown: flags.length });
    return say(flagsText(flags, (id) => deps.domain.communeById(id)?.name ?? id, deps.pseudonymSalt));
  };

  const help = async (ctx: TurnContext): Promise<TurnResult> => {
    const official = await officialOf(ctx);
    if (!official) return say(NOT_OFFICIAL);
    return say(OFFICIAL_HELP + (official.role === 'admin' ? ADMIN_HELP : ''));
  };

  return {
    name: 'officials',
    commands: { baocao: report, dsdiadiem: list, batthuong: flagged, canbo: help },
    text: async (ctx, text) => (['bao cao', 'báo cáo'].includes(text.toLowerCase()) || fold(text) === 'bao cao' ? report(ctx) : null),
  };
}
