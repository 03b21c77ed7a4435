import { describe, expect, it } from 'vitest';
import { readAlertAnswer } from '../../src/tracing/answer-words.js';
import { parsePlaces } from '../../src/tracing/place-args.js';

// 2026-12-01 15:00 in Vietnam.
const now = new Date('2026-12-01T08:00:00Z');
const vn = (iso: string) => new Date(`${iso}+07:00`);

describe('the places of /truyvet', () => {
  it('reads the announcement as written: "Chợ Phổ Minh, 01/12 từ 7:00 đến 10:00"', () => {
    expect(parsePlaces('Chợ Phổ Minh, 01/12 từ 7:00 đến 10:00', now)).toEqual([{ venue: 'Chợ Phổ Minh', windows: [{ from: vn('2026-12-01T07:00'), to: vn('2026-12-01T10:00') }] }]);
    expect(parsePlaces('Chợ Phổ Minh 01/12 7:00-10:00', now)).toEqual(parsePlaces('Chợ Phổ Minh, ngày 01/12 từ 7h đến 10h', now));
  });

  it('takes several windows, each range under the date written before it', () => {
    const [place] = parsePlaces('Chợ Phổ Minh, 30/11 7:00-10:00 và 15h30-17h; 01/12 từ 6g đến 8g', now)!;
    expect(place!.windows).toEqual([
      { from: vn('2026-11-30T07:00'), to: vn('2026-11-30T10:00') },
      { from: vn('2026-11-30T15:30'), to: vn('2026-11-30T17:00') },
      { from: vn('2026-12-01T06:00'), to: vn('2026-12-01T08:00') },
    ]);
  });

  it('takes one venue per line', () => {
    const places = parsePlaces('Chợ Phổ Minh, 01/12 7:00-10:00\n#42, 30/11 22:00-2:00\nB7K2Q9 01/12 8:00-9:00', now)!;
    expect(places.map((p) => p.venue)).toEqual(['Chợ Phổ Minh', '#42', 'B7K2Q9']);
    expect(places[1]!.windows).toEqual([{ from: vn('2026-11-30T22:00'), to: vn('2026-12-01T02:00') }]); // past midnight
  });

  it('puts a day later than today in last year', () => {
    expect(parsePlaces('Chợ Phổ Minh 25/12 7:00-9:00', now)![0]!.windows[0]!.from).toEqual(vn('2025-12-25T07:00'));
    expect(parsePlaces('Chợ Phổ Minh 01/12 16:00-17:00', now)![0]!.windows[0]!.from).toEqual(vn('2025-12-01T16:00'));
  });

  it('refuses what it does not understand rather than guessing', () => {
    for (const bad of ['Chợ Phổ Minh', 'Chợ Phổ Minh 01/12', '01/12 7:00-10:00', 'Chợ Phổ Minh 7:00-10:00 01/12', 'Chợ Phổ Minh 01/12 7:00-10:00 hôm qua nữa', 'Chợ Phổ Minh 01/12 7:00-10:00\nNhà sách']) {
      expect(parsePlaces(bad, now), bad).toBeNull();
    }
  });
});

describe('typed answers to an alert', () => {
  it('counts "đã nhận" however it is typed', () => {
    for (const text of ['đã nhận', 'Đã nhận', 'da nhan', 'ok đã nhận', 'Ok, đã nhận được rồi ạ', 'dạ em đã nhận, cảm ơn', 'nhận được rồi', 'DA NHAN!']) expect(readAlertAnswer(text), text).toBe('acknowledged');
  });

  it('counts "tôi có triệu chứng" as a symptom report, not a question or a denial', () => {
    for (const text of ['tôi có triệu chứng', 'co trieu chung', 'Tôi có triệu chứng sốt, ho', 'con tôi bị sốt, có triệu chứng', 'em co trieu chung roi']) expect(readAlertAnswer(text), text).toBe('symptoms');
    for (const text of ['không có triệu chứng', 'tôi chưa có triệu chứng gì', 'tiêm xong có triệu chứng gì?', 'có triệu chứng thì làm sao', 'tôi có triệu chứng không', 'đã tiêm', 'nhận mã QR ở đâu', 'xin chào']) expect(readAlertAnswer(text), text).toBeNull();
  });
});
