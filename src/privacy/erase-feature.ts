import type { Feature, TurnContext, TurnResult } from '../conversation/types.js';
import { fold } from '../domain/fold.js';

export interface EraseDeps {
  erasePerson(personId: number, keepChatId: number): Promise<{ chats: number; visits: number; familyMembers: number; registrations: number }>;
}

const ERASE_WORDS = /^(?:xoa (?:het |toan bo )?du lieu(?: cua toi)?|xoa tai khoan)$/;

const texts = {
  confirm:
    'Bạn muốn xóa toàn bộ dữ liệu của bạn và người thân khai cùng: lịch sử ra vào, người thân, đăng ký tiêm, câu hỏi đã gửi, trên mọi ứng dụng đã liên kết. ' +
    'Liên kết giữa các ứng dụng cũng bị hủy. Việc này không hoàn tác được.\nBạn chắc chắn chứ?',
  yes: 'Xóa hết',
  no: 'Không xóa',
  done: (n: { chats: number; visits: number; familyMembers: number; registrations: number }) =>
    `Đã xóa dữ liệu của bạn: ${n.visits} lượt khai báo, ${n.familyMembers} người thân, ${n.registrations} đăng ký tiêm, trên ${n.chats} cuộc trò chuyện. ` +
    'Địa điểm bạn đã đăng ký mã QR vẫn giữ (người khác đã khai báo ở đó) nhưng không còn gắn với bạn. Nhật ký truy cập của cán bộ không chứa dữ liệu của bạn và được giữ lại.',
  kept: 'Không xóa gì. Dữ liệu của bạn vẫn như cũ.',
} as const;

const say = (text: string, choices = [{ label: 'Về danh mục', data: 'menu:main' }]): TurnResult => ({ replies: [{ type: 'text', text, choices }], state: {} });

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
