import t from 'tap';
import { isQueryStopWord } from '../../src/search/settings.ts';

const stops = (q: string) => {
  const ws = q.split(' ');
  return ws.filter((_, i) => isQueryStopWord(ws, i, { searchBox: true }));
};

t.test('a query\'s words that say nothing of what is sought', async (t) => {
  t.same(stops('mitä mä teen'), ['mitä', 'mä', 'teen'], 'spoken Finnish and the verb a question asks with');
  t.same(stops('mistä saa ruoka apua'), ['mistä', 'saa'], '"saa" asks');
  t.same(stops('teen chat'), [], 'English "teen" leads no Finnish function word');
  t.same(stops('16v poika polttaa'), ['16v'], 'an age is read by the intent, not matched as a word');
  t.same(stops('oon 15 ja ahdistaa'), ['oon', '15', 'ja']);
  t.same(stops('116 123 kriisi'), [], 'a number of three digits is no age');
  const ws = ['olen', '38', 'ja', 'en', 'tiedä'];
  t.same(ws.filter((_, i) => isQueryStopWord(ws, i)), ['olen', 'ja', 'en'], 'a referral note keeps its ages and asking words');
});
