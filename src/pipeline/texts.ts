/** Resident-facing sentences of inbound-processor.ts (kept here so all wording is reviewed in one place). */
export const pipelineTexts = {
  xinLoiToiGapLoi: 'Xin lỗi, tôi gặp lỗi khi xử lý tin nhắn này. Bạn vui lòng thử lại sau ít phút, hoặc gõ "menu" để bắt đầu lại.',
};
