import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import { fold } from '../domain/fold.js';
import { eraseTexts } from './texts.js';
import { BACK_TO_MENU } from '../conversation/texts.js';

export interface EraseDeps {
  erasePerson(personId: number, keepChatId: number): Promise<{ chats: number; visits: number; familyMembers: number; registrations: number }>;
}

const ERASE_WORDS = /^(?:xoa (?:het |toan bo )?du lieu(?: cua toi)?|xoa tai khoan)$/;

const texts = {
  confirm:
    eraseTexts.banMuonXoaToanBo +
    eraseTexts.lienKetGiuaCacUng,
  yes: eraseTexts.xoaHet,
  no: eraseTexts.khongXoa,
  done: (n: { chats: number; visits: number; familyMembers: number; registrations: number }) =>
    eraseTexts.daXoaDuLieuCua(n.visits, n.familyMembers, n.registrations, n.chats) +
    eraseTexts.diaDiemBanDaDang,
  kept: eraseTexts.khongXoaGiDuLieu,
} as const;

const say = (text: string, choices = [BACK_TO_MENU]): TurnResult => ({ replies: [{ type: 'text', text, choices }], state: {} });

/** "XÓA DỮ LIỆU" (or the menu entry): a confirmation, then everything about the person goes. */
export function eraseFeature(deps: EraseDeps): Feature {
  const ask = async (): Promise<TurnResult> => say(texts.confirm, [{ label: texts.yes, data: 'erase:yes' }, { label: texts.no, data: 'erase:no' }]);
  const erase = async (ctx: TurnContext): Promise<TurnResult> => say(texts.done(await deps.erasePerson(ctx.person.contactId, ctx.person.chatContactId)));
  return {
    name: 'erase',
    commands: { xoadulieu: ask },
    choices: { 'menu:erase': ask, 'erase:yes': erase, 'erase:no': async () => say(texts.kept) },
    text: async (_ctx, text) => (ERASE_WORDS.test(fold(text)) ? ask() : null),
  };
}
