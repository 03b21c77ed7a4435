/**
 * Telegram updates shaped like real ones (Bot API Update / Message / CallbackQuery objects, as
 * documented in @telegraf/types update.d.ts and message.d.ts).
 */
let nextUpdateId = 700_000_000 + Math.floor(Math.random() * 1_000_000);
const user = { id: 5_123_456_789, is_bot: false, first_name: 'Lan', last_name: 'Nguyễn', language_code: 'vi' };
const chat = { id: 5_123_456_789, first_name: 'Lan', last_name: 'Nguyễn', type: 'private' };

export function textUpdate(text: string, chatId = chat.id) {
  return {
    update_id: nextUpdateId++,
    message: { message_id: nextUpdateId, from: { ...user, id: chatId }, chat: { ...chat, id: chatId }, date: Math.floor(Date.now() / 1000), text, ...(text.startsWith('/') ? { entities: [{ offset: 0, length: text.split(' ')[0]!.length, type: 'bot_command' }] } : {}) },
  };
}

export function photoUpdate(fileId = 'AgACAgUAAxkBAAIBZ2Vh') {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextUpdateId,
      from: user,
      chat,
      date: Math.floor(Date.now() / 1000),
      photo: [
        { file_id: `${fileId}-s`, file_unique_id: 'AQADs', file_size: 1_201, width: 90, height: 67 },
        { file_id: fileId, file_unique_id: 'AQADx', file_size: 98_765, width: 1280, height: 960 },
      ],
      caption: 'mã ở cửa hàng',
    },
  };
}

export function documentImageUpdate(fileId = 'BQACAgUAAxkBAAIBaGVh') {
  return {
    update_id: nextUpdateId++,
    message: { message_id: nextUpdateId, from: user, chat, date: Math.floor(Date.now() / 1000), document: { file_name: 'IMG_2021.jpg', mime_type: 'image/jpeg', file_id: fileId, file_unique_id: 'AgADd', file_size: 2_345_678 } },
  };
}

export function callbackUpdate(data: string, chatId = chat.id) {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: '4382bfdwdsb323b2d9',
      from: { ...user, id: chatId },
      message: { message_id: 42, from: { id: 123456789, is_bot: true, first_name: 'Quét mã', username: 'quetma_test_bot' }, chat: { ...chat, id: chatId }, date: Math.floor(Date.now() / 1000), text: 'Bạn cần gì?' },
      chat_instance: '-8392740284',
      data,
    },
  };
}

export function editedMessageUpdate() {
  return { update_id: nextUpdateId++, edited_message: { message_id: 9, from: user, chat, date: 1, edit_date: 2, text: 'sửa' } };
}

export function myChatMemberUpdate() {
  return {
    update_id: nextUpdateId++,
    my_chat_member: { chat, from: user, date: 1, old_chat_member: { user, status: 'member' }, new_chat_member: { user, status: 'kicked', until_date: 0 } },
  };
}

export function groupTextUpdate() {
  return { update_id: nextUpdateId++, message: { message_id: 3, from: user, chat: { id: -100123, title: 'Tổ dân phố 3', type: 'supergroup' }, date: 1, text: 'chào' } };
}
