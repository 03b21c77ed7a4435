import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/faq/loader.js';

const REQUIRED_IDS = [
  'register-portal', 'register-app', 'register-for-others', 'register-documents', 'register-no-id-or-phone',
  'register-status', 'otp-not-received', 'priority-groups', 'age-eligibility', 'children-vaccination',
  'vaccine-cost', 'vaccine-types', 'dose-interval', 'booster', 'mixing-vaccines', 'contraindications',
  'pregnancy', 'had-covid', 'before-vaccination', 'after-vaccination', 'where-to-vaccinate',
  'missed-appointment', 'certificate', 'certificate-errors', 'pc-covid-install', 'qr-scan-how',
  'qr-venue-create', 'health-declaration', 'covid-symptoms', 'hotline', 'bot-data-privacy',
];

describe('the shipped knowledge base', async () => {
  const kb = await loadKnowledgeBase();

  it('has every required topic id', () => {
    const missing = REQUIRED_IDS.filter((id) => !kb.byId.has(id));
    expect(missing).toEqual([]);
  });

  it.each(kb.topics.map((t) => [t.id, t] as const))('%s has all header fields and a cited source', (_id, t) => {
    expect(t.title.length).toBeGreaterThan(5);
    expect(t.examples.length).toBeGreaterThanOrEqual(6);
    expect(t.keywords.length).toBeGreaterThanOrEqual(3);
    expect(t.sourceUrl).toMatch(/^https?:\/\/[^\s/]+\.[^\s]+$/);
    expect(t.sourceTitle.length).toBeGreaterThan(5);
    expect(t.sourceDate).toMatch(/^\d{4}(-\d{2}){0,2}$/);
  });

  it.each(kb.topics.map((t) => [t.id, t] as const))('%s answers in a chat bubble, in Vietnamese, with a link', (_id, t) => {
    expect(t.body.length).toBeLessThanOrEqual(700);
    expect(t.body).toBe(t.body.normalize('NFC'));
    expect(t.body).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/);
    const lastLine = t.body.split('\n').at(-1) ?? '';
    expect(lastLine).toMatch(/^Xem thêm: https?:\/\/\S+$/);
  });

  it('keeps medical answers hedged and pointing to a health worker', () => {
    const medical = ['contraindications', 'pregnancy', 'had-covid', 'booster', 'after-vaccination', 'children-vaccination'];
    for (const id of medical) {
      const body = kb.byId.get(id)?.body ?? '';
      expect(body, id).toMatch(/bác sĩ|trạm y tế|cơ sở y tế|nhân viên y tế|điểm tiêm/i);
      expect(body, id).toMatch(/20(21|22)/);
    }
  });
});
