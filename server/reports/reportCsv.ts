import type { Response } from 'express';

/** A field as RFC 4180 wants it; a leading =, +, - or @ is quoted with ' so a spreadsheet does not run it. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte order mark, so spreadsheet programs read Chinese names right. */
export function toCsv(columns: string[], rows: unknown[][]): Buffer {
  const lines = [columns.map(field).join(','), ...rows.map((r) => r.map(field).join(','))];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

export function sendCsv(res: Response, filename: string, csv: Buffer) {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.end(csv);
}
