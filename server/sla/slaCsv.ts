// CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads Chinese right), RFC 4180 quoting.

/** A leading =, +, - or @ is prefixed with ' so a spreadsheet shows the text instead of running it. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function slaCsv(columns: string[], rows: unknown[][]): Buffer {
  const lines = [columns, ...rows].map((r) => r.map(field).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
