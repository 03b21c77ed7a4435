import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/domain/csv.js';

describe('CSV exports for officials', () => {
  it('starts with a BOM and keeps Vietnamese text intact', () => {
    const csv = toCsv(['Phường/xã', 'Số địa điểm'], [['Phường Phổ Minh', 12]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe('\uFEFFPhường/xã,Số địa điểm\r\nPhường Phổ Minh,12\r\n');
  });

  it('escapes cells that Excel would run as formulas', () => {
    const csv = toCsv(['a'], [['=HYPERLINK("http://x")'], ['+84905'], ['-1'], ['@SUM(A1)'], ['\tx']]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(1, 6)).toEqual(['"\'=HYPERLINK(""http://x"")"', "'+84905", "'-1", "'@SUM(A1)", "'\tx"]);
  });

  it('quotes commas, quotes and newlines', () => {
    expect(toCsv(['a', 'b'], [['Chợ, "Bình Sơn"', 'dòng 1\ndòng 2']])).toBe('\uFEFFa,b\r\n"Chợ, ""Bình Sơn""","dòng 1\ndòng 2"\r\n');
  });
});
