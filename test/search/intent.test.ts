import t from 'tap';
import type { SearchDocument } from '../../src/search/document.ts';
import { intentBonus, queryIntent } from '../../src/search/intent.ts';

/** A service as the index returns it, with only what ranking by intent reads. */
const service = (needs: string[], languages = ['fi'], interpretation = false) =>
  ({ name: 'Palvelu', description: '', translations: {}, needs, service_types: [], languages, interpretation }) as unknown as SearchDocument;

t.test('a service for more of the needs a query names comes first', async (t) => {
  const intent = queryIntent('äidin alkoholismi');
  t.same(intent.namedNeeds, ['substance', 'caregiver'], 'a relative\'s substance use');
  const relatives = service(['substance', 'family', 'caregiver']);
  const dayCentre = service(['substance', 'food', 'housing']);
  t.ok(intentBonus(relatives, intent) > intentBonus(dayCentre, intent));
});

t.test('a query in another language than Finnish: its language, then interpretation, then neither', async (t) => {
  const intent = queryIntent('debt advice');
  t.equal(intent.language, 'en');
  const [english, interpreted, finnishOnly] = [service(['debt'], ['fi', 'en']), service(['debt'], ['fi'], true), service(['debt'], ['fi'])];
  t.ok(intentBonus(english, intent) > intentBonus(interpreted, intent), 'English before interpretation');
  t.ok(intentBonus(interpreted, intent) > intentBonus(finnishOnly, intent), 'interpretation before a service in Finnish only');
  const finnish = queryIntent('velkaneuvontaa');
  t.equal(intentBonus(interpreted, finnish), intentBonus(finnishOnly, finnish), 'a Finnish query: interpretation does not matter');
});
