/** Words the simulator page shows that the bot itself does not say (the page fills them in when served). */
export const webTexts = {
  /** Shown under the chat while the bot is still working on the person's message. */
  dangTraLoi: 'Đang trả lời…',
};
