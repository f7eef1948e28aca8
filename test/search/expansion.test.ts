import t from 'tap';
import { fold } from '../../src/recommend/concepts.ts';
import { Lexicon, MAX_CORRECTED_WORDS, MAX_RESTORATIONS, withDiacritics, withSpelling } from '../../src/search/analysis.ts';
import { expansionsOf } from '../../src/search/expansion.ts';
import { buildLexicon } from '../../src/search/lexicon.ts';

const NEEDS = ['debt', 'income', 'housing', 'violence', 'crime_victim', 'substance', 'gambling', 'elderly', 'caregiver', 'family', 'legal'];

t.test('a need is expanded only with words that mean it', async (t) => {
  t.ok(expansionsOf('need', 'debt').includes('velka'), 'everyday words still expand their own need');
  t.ok(expansionsOf('need', 'housing').includes('koditto'));
  t.notOk(expansionsOf('need', 'crime_victim').some((w) => fold(w).includes('velka')), 'no debt word in crime-victim documents');
  t.notOk(expansionsOf('need', 'housing').some((w) => fold(w).includes('skuld')), 'no debt word in housing documents');
  t.notOk(expansionsOf('need', 'crime_victim').includes('varkau'), 'a pattern only for a compound\'s head (`+varkau*`) is no word of its own: the town Varkaus');
  t.ok(expansionsOf('need', 'crime_victim').includes('varastettiin'), 'the other words for theft stay');
  for (const a of NEEDS) {
    const own = new Set(expansionsOf('need', a).map(fold));
    for (const b of NEEDS) {
      if (a === b) continue;
      const shared = expansionsOf('need', b).map(fold).filter((w) => own.has(w));
      t.same(shared, [], `${a} and ${b} share no expansion word`);
    }
  }
});

t.test('a kind of the need named with its label word expands it, even with another need\'s word', async (t) => {
  t.ok(expansionsOf('need', 'sexual_violence').includes('assault'), '"sexual assault" is sexual violence');
  t.ok(expansionsOf('need', 'violence').includes('assault'), 'and assault stays a word of violence');
  t.notOk(expansionsOf('need', 'income').includes('support'), 'a generic head word is not let in ("income support")');
});

t.test('a word typed without ä or ö is read with them when the lexicon knows it so', async (t) => {
  const lexicon = buildLexicon();
  const restored = (w: string) => withDiacritics(w, lexicon, { candidates: MAX_RESTORATIONS });
  t.equal(restored('yksinainen'), 'yksinäinen');
  t.equal(restored('lahisuhdevakivalta'), 'lähisuhdeväkivalta', 'a compound by its parts');
  t.equal(restored('tyoton'), 'työtön');
  for (const w of ['velka', 'alkoholi', 'kotona', 'for', 'gambling']) t.equal(restored(w), w, `${w} as typed`);
  t.equal(withDiacritics('yksinainen', lexicon, { candidates: 0 }), 'yksinainen', 'no spelling is tried beyond the budget');
});

t.test('a long unknown word one typo away from one known word is read as it', async (t) => {
  const lexicon = buildLexicon();
  t.equal(withSpelling('toimentulotuki haku', lexicon), 'toimeentulotuki haku', 'a letter missed');
  t.equal(withSpelling('Toimeetnulotuki?', lexicon), 'toimeentulotuki?', 'two letters swapped; the rest kept as typed');
  for (const q of ['väkivaltaa kotona', 'velkaneuvontaa', 'mielenterveysongelmia', 'kotihoito', 'velak']) {
    t.equal(withSpelling(q, lexicon), q, `${q}: a known word, its inflection or compound, or a short word, as typed`);
  }
  t.equal(withSpelling('kotihoite', new Lexicon(['kotihoito kotihoita'])), 'kotihoite', 'two words one typo away: neither is guessed');
  const many = Array.from({ length: 20 }, () => 'toimentulotuki').join(' ');
  t.equal(withSpelling(many, lexicon).split(' ').filter((w) => w === 'toimeentulotuki').length, MAX_CORRECTED_WORDS, 'at most MAX_CORRECTED_WORDS words are looked up per query');
});

t.test('compounds split into words, not into stems cut too short', async (t) => {
  const lexicon = buildLexicon();
  t.same(lexicon.split('työtön'), [], '"työtön" (unemployed) is no "työ" + "tön": `tönin` (pushing) is a violence word');
  t.same(lexicon.split('gambling'), [], 'nor is "gambling" "gambl" + "ing" (Ingå)');
  t.same(lexicon.split('väkivaltaisuuteen'), [], 'nor is an illative "väkivaltaisuu" + "teen" (a youth word in English)');
  t.same(lexicon.split('velkaneuvonta'), ['velka', 'neuvonta'], 'compounds still split');
  t.same(lexicon.split('kriisiapu'), ['kriisi', 'apu'], 'three-letter words still are parts');
});
