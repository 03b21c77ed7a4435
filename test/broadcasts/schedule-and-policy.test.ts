import { describe, expect, it } from 'vitest';
import { nextOccurrence, occurrencesBetween, vnDayStart } from '../../src/broadcasts/schedule.js';
import { policyFor } from '../../src/broadcasts/policy/policies.js';
import { consentWord } from '../../src/broadcasts/words.js';

describe('repeating schedules in Asia/Ho_Chi_Minh', () => {
  it('a daily 06:30 schedule falls at 23:30 UTC of the previous day and ends on its last local day', () => {
    const created = new Date('2021-09-14T10:00:00Z'); // 17:00 VN on the 14th
    const runs = occurrencesBetween({ kind: 'repeat', every: 'daily', time: '06:30', until: '2021-09-17' }, created, new Date('2021-10-01Z'));
    expect(runs.map((d) => d.toISOString())).toEqual(['2021-09-14T23:30:00.000Z', '2021-09-15T23:30:00.000Z', '2021-09-16T23:30:00.000Z']);
  });

  it('a weekly schedule picks Vietnamese weekdays, not UTC ones, across midnight', () => {
    // 2021-09-13 is a Monday. 00:15 VN on Monday is 17:15 UTC on Sunday.
    const created = new Date('2021-09-12T00:00:00Z');
    const runs = occurrencesBetween({ kind: 'repeat', every: 'weekly', days: [1], time: '00:15', until: '2021-09-27' }, created, new Date('2021-12-01Z'));
    expect(runs.map((d) => d.toISOString())).toEqual(['2021-09-12T17:15:00.000Z', '2021-09-19T17:15:00.000Z', '2021-09-26T17:15:00.000Z']);
  });

  it('the next occurrence after one is the following one; none after the end', () => {
    const s = { kind: 'repeat' as const, every: 'daily' as const, time: '23:45', until: '2021-09-15' };
    const created = new Date('2021-09-14T00:00:00Z');
    const first = nextOccurrence(s, created, null)!;
    expect(first.toISOString()).toBe('2021-09-14T16:45:00.000Z');
    expect(nextOccurrence(s, created, first)!.toISOString()).toBe('2021-09-15T16:45:00.000Z');
    expect(nextOccurrence(s, created, new Date('2021-09-15T16:45:00Z'))).toBeNull();
  });

  it('a Vietnam day starts at 17:00 UTC', () => {
    expect(vnDayStart(new Date('2021-09-14T16:59:00Z')).toISOString()).toBe('2021-09-13T17:00:00.000Z');
    expect(vnDayStart(new Date('2021-09-14T17:00:00Z')).toISOString()).toBe('2021-09-14T17:00:00.000Z');
  });
});

describe('channel policies', () => {
  it('Zalo OA excludes people outside the 7-day window and Telegram does not', () => {
    const now = new Date('2021-09-20T03:00:00Z');
    const eightDays = { lastSeenAt: new Date(now.getTime() - 8 * 24 * 3600_000) };
    const sixDays = { lastSeenAt: new Date(now.getTime() - 6 * 24 * 3600_000) };
    expect(policyFor('zalo-oa').exclusion(eightDays, now)).toBe('outside-zalo-window');
    expect(policyFor('zalo-oa').exclusion(sixDays, now)).toBeNull();
    expect(policyFor('telegram').exclusion(eightDays, now)).toBeNull();
    expect(policyFor('telegram').throttlePausesBot).toBe(true);
  });
});

describe('opt-out words', () => {
  it.each(['DỪNG', 'dung', 'Dừng.', 'HỦY', 'huy', 'STOP', 'stop', 'dừng nhận'])('"%s" withdraws', (w) => expect(consentWord(w)).toBe('stop'));
  it.each(['BẮT ĐẦU', 'bat dau', 'start'])('"%s" gives back', (w) => expect(consentWord(w)).toBe('resume'));
  it.each(['đổi xã', 'doi xa', 'Đổi phường'])('"%s" changes the commune', (w) => expect(consentWord(w)).toBe('change-commune'));
  it.each(['dừng lại ở đâu', 'hủy đăng ký', 'xin chào'])('"%s" is not a consent word', (w) => expect(consentWord(w)).toBeNull());
});
