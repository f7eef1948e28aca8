import t from 'tap';
import { placeNamed, splitPlace } from '../../src/search/places.ts';

t.test('inflected municipality names are places', async (t) => {
  t.same(splitPlace('velkaneuvontaa kuopiossa'), { rest: 'velkaneuvontaa', municipality: '297' });
  t.same(splitPlace('apua Helsingissä'), { rest: 'apua', municipality: '091' }, 'by key, through consonant gradation');
  t.same(splitPlace('hjälp i Helsingfors'), { rest: 'hjälp i', municipality: '091' }, 'Swedish names');
  t.equal(placeNamed('rovaniemellä'), '698');
  t.equal(placeNamed('tampereella'), '837');
});

t.test('words of the field are never places', async (t) => {
  t.equal(placeNamed('varkaus'), undefined, 'Varkaus is also "theft"');
  for (const w of ['yksinäisille', 'raiskaus', 'ensisuoja', 'työtön', 'ero', 'velka', 'apua', 'for']) t.equal(placeNamed(w), undefined, w);
  t.same(splitPlace('ero lapset'), { rest: 'ero lapset' });
});
