/** Resident-facing sentences of app.ts (kept here so all wording is reviewed in one place). */
export const appTexts = {
  khaiBaoQuaZalo: 'Khai báo qua Zalo',
  khaiBaoQuaZaloBot: 'Khai báo qua Zalo Bot',
};
