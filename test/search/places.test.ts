import t from 'tap';
import { placeNamed, splitPlace } from '../../src/search/places.ts';

t.test('inflected municipality names are places', async (t) => {
  t.same(splitPlace('velkaneuvontaa kuopiossa'), { rest: 'velkaneuvontaa', municipality: '297' });
  t.same(splitPlace('apua Helsingissä'), { rest: 'apua', municipality: '091' }, 'by key, through consonant gradation');
  t.same(splitPlace('hjälp i Helsingfors'), { rest: 'hjälp i', municipality: '091' }, 'Swedish names');
  t.equal(placeNamed('rovaniemellä'), '698');
  t.equal(placeNamed('tampereella'), '837');
});

t.test('names in the weak grade, names sharing a key and short names are places', async (t) => {
  t.same(splitPlace('ruoka-apu turussa'), { rest: 'ruoka apu', municipality: '853' }, 'Turku → Turussa');
  t.equal(placeNamed('lahdessa'), '398', 'Lahti → Lahdessa');
  t.equal(placeNamed('lahden'), '398');
  t.equal(placeNamed('seinäjoella'), '743', 'Seinäjoki → Seinäjoella');
  t.equal(placeNamed('hangossa'), '078', 'Hanko → Hangossa');
  t.equal(placeNamed('hämeenlinnassa'), '109', 'its key is Hämeenkyrö\'s too, its name is its own');
  t.same(splitPlace('hjälp i Åbo'), { rest: 'hjälp i', municipality: '853' }, 'a name of three letters');
});

t.test('names typed without their diacritics are places', async (t) => {
  t.same(splitPlace('lonely student in jyvaskyla'), { rest: 'lonely student in', municipality: '179' });
  t.equal(placeNamed('hameenlinnassa'), '109');
  t.equal(placeNamed('seinajoella'), '743');
  t.equal(placeNamed('yksinaisille'), undefined, 'a word of the field typed without them is still no place');
});

t.test('a town whose name is a word of the field only as a compound\'s head is a place', async (t) => {
  // "Theft" is read only as the head of a compound (`murtovarkaus`, `+varkau*` in the lexicon).
  t.equal(placeNamed('varkaudessa'), '915');
  t.equal(placeNamed('varkaus'), '915');
  t.equal(placeNamed('murtovarkaus'), undefined);
});

t.test('words of the field are never places', async (t) => {
  for (const w of ['yksinäisille', 'raiskaus', 'ensisuoja', 'työtön', 'ero', 'velka', 'apua', 'for']) t.equal(placeNamed(w), undefined, w);
  t.same(splitPlace('ero lapset'), { rest: 'ero lapset' });
});
