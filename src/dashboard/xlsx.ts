import ExcelJS from 'exceljs';

export interface SheetColumn {
  readonly header: string;
  readonly width?: number;
  /** Text columns keep leading zeros and long digit runs (phone, ID, insurance numbers) as typed. */
  readonly text?: boolean;
}

/**
 * One-sheet XLSX through exceljs: strings are stored as Unicode (Vietnamese intact), text columns
 * get the "@" format and string cells so Excel never turns "0905123456" into 905123456 or an ID
 * number into 1.2E+11, and the header row is frozen and bold.
 */
export async function xlsx(sheetName: string, columns: readonly SheetColumn[], rows: readonly (readonly (string | number | null)[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'quetma';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length + 2), ...(c.text ? { style: { numFmt: '@' } } : {}) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v, i) => (v === null ? '' : columns[i]?.text ? String(v) : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
