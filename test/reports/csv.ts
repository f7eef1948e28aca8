/** A small RFC 4180 reader for the tests: the byte order mark, quotes, CRLF. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  if (!text.startsWith('\uFEFF')) throw new Error('no byte order mark');
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && body[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      (field = ''), (record = []), i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('the last line does not end with CRLF');
  const [header = [], ...rows] = records;
  return { header, rows };
}
