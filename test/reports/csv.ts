import { parse } from 'csv-parse/sync';

/**
 * Reads a report's CSV with an independent RFC 4180 reader (csv-parse), after checking
 * what spreadsheets need of it: the byte order mark and CRLF line ends.
 */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  if (!text.startsWith('\uFEFF')) throw new Error('no byte order mark');
  if (!text.endsWith('\r\n')) throw new Error('the last line does not end with CRLF');
  const [header = [], ...rows] = parse(text.slice(1), { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
  return { header, rows };
}
