/** The few words the Zalo Bot adapter itself writes: it has no file message, so a file goes as a link line. */
export const zaloBotTexts = {
  downloadLine: (url: string) => `Tải tệp: ${url}`,
};
