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
import { venueOfficialTexts } from './texts.js';
import { BACK_TO_MENU } from '../conversation/texts.js';

const say = (text: string): TurnResult => ({ replies: [{ type: 'text', text, choices: [BACK_TO_MENU] }], state: {} });
const OFFICIAL_HELP =
  venueOfficialTexts.lenhDanhChoCanBo +
  venueOfficialTexts.baocaoTinhHinhTrienKhai +
  venueOfficialTexts.dsdiadiemLoaiTamNgungDanh +
  venueOfficialTexts.cauhoiCauHoiNguoiDan +
  venueOfficialTexts.batthuongLuotKhaiBaoBat;
const ADMIN_HELP =
  venueOfficialTexts.nNlenhDanhChoQuan +
  venueOfficialTexts.moicanboTenXaPhuongTao +
  venueOfficialTexts.moicanboQuanTriTaoMa;
export const NOT_OFFICIAL = venueOfficialTexts.chucNangNayDanhCho;

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

  const report = async (ctx: TurnContext, arg = ''): Promise<TurnResult> => {
    const ids = await communesOf(ctx);
    if (!ids) return say(NOT_OFFICIAL);
    // "/baocao phổ minh" narrows the report to the matching communes of the official's scope.
    const wanted = arg.trim() ? deps.domain.searchCommunes(arg.trim()).map((c) => c.id).filter((id) => ids.includes(id)) : ids;
    if (wanted.length === 0) return say(venueOfficialTexts.khongCoXaPhuongNao(arg.trim().slice(0, 60)));
    return say(communeReportText(await communeReport(deps.domain, deps.repo, wanted, ctx.now)));
  };

  const list = async (ctx: TurnContext, arg: string): Promise<TurnResult> => {
    const ids = await communesOf(ctx);
    if (!ids) return say(NOT_OFFICIAL);
    const words = fold(arg);
    const status = /tam ngung|suspend/.test(words) ? 'suspended' : undefined;
    const type = words ? deps.domain.findType(words.replace(/tam ngung|suspended?/g, '').trim()) : undefined;
    const venues = await deps.repo.list({ communeIds: ids, ...(type ? { typeId: type.id } : {}), ...(status ? { status } : {}) }, 40);
    await audit(ctx, 'venues.list', ids, { shown: venues.length });
    if (venues.length === 0) return say(venueOfficialTexts.khongCoDiaDiemNao);
    const lines = venues.map((v) => venueOfficialTexts.venueLine(v.name, deps.domain.findType(v.typeId)?.name ?? v.typeId, deps.domain.communeById(v.communeId)?.name ?? v.communeId, v.status === 'active'));
    return say(venueOfficialTexts.venueList(type?.name ?? null, status === 'suspended', lines));
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
    text: async (ctx, text) => (['bao cao', venueOfficialTexts.baoCao].includes(text.toLowerCase()) || fold(text) === 'bao cao' ? report(ctx) : null),
  };
}
