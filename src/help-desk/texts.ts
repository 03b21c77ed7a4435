/** Every sentence of the FAQ conversation and the hand-off to a person. */
export const helpDeskTexts = {
  faqIntro:
    'Bạn cứ nhắn câu hỏi về đăng ký, tiêm vắc xin COVID-19, chứng nhận tiêm, khai báo ra vào... ' +
    'như khi nói chuyện, có dấu hay không dấu đều được. Ví dụ: "đăng ký tiêm ở đâu", "bà bầu tiêm được không".\nMột số câu hỏi hay gặp:',
  askOfficial: 'Chuyển câu hỏi cho cán bộ',
  notThese: 'Không phải, hỏi cán bộ',
  askQuestion: 'Bạn nhắn câu hỏi muốn gửi cán bộ xã, phường (một tin nhắn, càng rõ càng tốt):',
  questionTooShort: 'Câu hỏi hơi ngắn, bạn viết rõ hơn một chút nhé.',
  askCommune: 'Bạn đang ở xã, phường nào? (gõ tên, ví dụ: pho minh)',
  pickCommune: 'Bạn chọn đúng xã, phường:',
  noCommune: (input: string) => `Tôi không tìm thấy xã, phường "${input}". Bạn gõ lại tên nhé (ví dụ: Phổ Minh, Bình Châu).`,
  forwarded: (commune: string) => `Đã chuyển câu hỏi của bạn tới cán bộ ${commune}. Khi cán bộ trả lời, tôi sẽ nhắn lại bạn ngay tại đây.`,
  forwardedNobody: (commune: string) =>
    `Đã ghi nhận câu hỏi cho ${commune}. Hiện chưa có cán bộ trực trên kênh này nên có thể phải chờ; nếu cần gấp, bạn gọi đường dây nóng ngành y tế 1900 9095.`,
  alreadyForwarded: 'Câu hỏi này đã được chuyển rồi. Khi có trả lời, tôi sẽ nhắn lại bạn.',
  toOfficial: (id: number, commune: string, question: string) => `📩 Câu hỏi #${id} của người dân (${commune}):\n«${question}»`,
  reply: 'Trả lời',
  notOfficial: 'Chức năng này dành cho cán bộ xã, phường được cấp quyền.',
  askAnswer: (id: number, question: string) => `Nhập câu trả lời cho câu hỏi #${id}:\n«${question}»`,
  answerTooShort: 'Câu trả lời hơi ngắn, bạn viết rõ hơn nhé.',
  answerSent: (id: number) => `Đã gửi câu trả lời cho người hỏi (câu hỏi #${id}).`,
  alreadyAnswered: (id: number) => `Câu hỏi #${id} đã được trả lời hoặc không còn chờ trả lời.`,
  toResident: (commune: string, question: string, answer: string) => `Cán bộ ${commune} trả lời câu hỏi của bạn:\n«${question}»\n\n${answer}`,
  openQuestions: (lines: string[]) => (lines.length ? `Câu hỏi đang chờ trả lời:\n${lines.join('\n')}` : 'Không có câu hỏi nào đang chờ trả lời.'),
  /** Stands for a phone or ID number in a question kept for the knowledge base. */
  hiddenNumber: '[số đã ẩn]',
  unknownTopic: 'Mục này không còn trong bộ câu hỏi. Bạn hỏi lại giúp tôi nhé.',
} as const;

/** Resident-facing sentences of official-replies.ts (kept here so all wording is reviewed in one place). */
export const officialReplyTexts = {
  chuaRoXa: 'chưa rõ xã, phường',
  xaPhuong: 'xã, phường',
};
