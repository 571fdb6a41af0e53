// CSV downloads for spreadsheets: UTF-8 with a byte order mark (so Excel reads Chinese right), RFC 4180 quoting,
// CRLF line ends. Every report's export goes through here.
import type { Response } from 'express';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * One field. Text that starts with = + - @ (or a tab or CR) is prefixed with ' so a spreadsheet shows it instead of
 * running it as a formula; a number, negative ones included, stays a number.
 */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(columns: string[], rows: unknown[][]): Buffer {
  const lines = [columns, ...rows].map((r) => r.map(field).join(','));
  return Buffer.concat([BOM, Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** Answers a CSV download. */
export function sendCsv(res: Response, filename: string, csv: Buffer) {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.end(csv);
}
