/**
 * CSV for spreadsheets (RFC 4180): a header row, CRLF line ends, UTF-8 with a byte order
 * mark (without it, Excel reads UTF-8 as the local code page and breaks å, ä and ö).
 */

export type CsvValue = string | number | boolean | null | undefined | string[];

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/**
 * A text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start)
 * gets a leading apostrophe: listing names come from many editors.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = Array.isArray(value) ? value.join(' ') : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<T>(columns: Array<CsvColumn<T>>, rows: T[]): string {
  const lines = [columns.map((c) => csvField(c.header)), ...rows.map((r) => columns.map((c) => csvField(c.value(r))))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
