import t from 'tap';
import { csvField, toCsv } from '../../src/reports/csv.ts';
import { parseCsv } from './csv.ts';

t.test('fields are quoted only when they must be, and read back as written', async (t) => {
  t.equal(csvField('Kuopio'), 'Kuopio');
  t.equal(csvField(12), '12');
  t.equal(csvField(null), '');
  t.equal(csvField(true), 'true');
  t.equal(csvField(['debt', 'housing']), 'debt housing');
  t.equal(csvField('Velka, vuokra'), '"Velka, vuokra"');
  t.equal(csvField('"Apu" ry'), '"""Apu"" ry"');
  t.equal(csvField('rivi\ntoinen'), '"rivi\ntoinen"');
  const rows = [{ name: 'Päihdetyö "Ankkuri", Varkaus', n: 3 }, { name: 'Åbo\r\nsvenska', n: 0 }];
  const csv = toCsv([{ header: 'name', value: (r: (typeof rows)[number]) => r.name }, { header: 'n', value: (r) => r.n }], rows);
  t.same(parseCsv(csv), { header: ['name', 'n'], rows: [['Päihdetyö "Ankkuri", Varkaus', '3'], ['Åbo\r\nsvenska', '0']] });
});

t.test('a text a spreadsheet would run as a formula is kept as text', async (t) => {
  t.equal(csvField('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  t.equal(csvField('+358 17 123'), "'+358 17 123");
  t.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  t.equal(csvField('-1'), "'-1", 'a text, not a number');
});
