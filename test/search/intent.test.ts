import t from 'tap';
import type { SearchDocument } from '../../src/search/document.ts';
import { compoundParts } from '../../src/search/analysis.ts';
import { intentBonus, queryIntent } from '../../src/search/intent.ts';
import { buildLexicon } from '../../src/search/lexicon.ts';

/** A service as the index returns it, with only what ranking by intent reads. */
const service = (
  needs: string[],
  { languages = ['fi'], interpretation = false, target_groups = ['everyone'], min_age = 0, max_age = 150, service_types = [] as string[], access = [] as string[], always_open = false } = {},
) => ({ name: 'Palvelu', description: '', translations: {}, needs, service_types, access, languages, interpretation, target_groups, min_age, max_age, always_open }) as unknown as SearchDocument;

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
  const [english, interpreted, finnishOnly] = [service(['debt'], { languages: ['fi', 'en'] }), service(['debt'], { interpretation: true }), service(['debt'])];
  t.ok(intentBonus(english, intent) > intentBonus(interpreted, intent), 'English before interpretation');
  t.ok(intentBonus(interpreted, intent) > intentBonus(finnishOnly, intent), 'interpretation before a service in Finnish only');
  const finnish = queryIntent('velkaneuvontaa');
  t.equal(intentBonus(interpreted, finnish), intentBonus(finnishOnly, finnish), 'a Finnish query: interpretation does not matter');
});

t.test('a service for relatives is for those who ask as one', async (t) => {
  const relatives = service(['substance', 'family', 'caregiver'], { target_groups: ['relatives', 'families'] });
  const users = service(['substance', 'loneliness'], { target_groups: ['adults'] });
  const quitting = queryIntent('vertaistukiryhmä alkoholista eroon');
  t.notOk(quitting.asRelative);
  t.ok(intentBonus(users, quitting) > intentBonus(relatives, quitting), 'someone who wants to stop drinking: the users\' group first');
  for (const q of ['isän juominen', 'päihdeongelmaisen omaiselle', 'min son använder droger', 'my husband drinks']) {
    const asking = queryIntent(q);
    t.ok(asking.asRelative, q);
    t.ok(intentBonus(relatives, asking) > intentBonus(users, asking), `${q}: the relatives' service first`);
  }
  const parent = queryIntent('poika käyttää huumeita mitä vanhempana voi tehdä');
  t.ok(parent.asRelative, 'a parent asks as a relative');
  t.ok(queryIntent('tytär juo, tukea vanhemmille').asRelative, 'help asked for parents');
  t.notOk(queryIntent('nuori asuu vanhempien luona').asRelative, 'living with one\'s parents');
  t.ok(intentBonus(relatives, parent) > intentBonus(users, parent), 'and the relatives\' service comes first');
  const families = service(['family', 'child_youth'], { target_groups: ['families', 'relatives'] });
  t.equal(intentBonus(families, quitting), intentBonus(service(['family', 'child_youth']), quitting), 'a family service is not one for relatives only');
});

t.test('a query is a few words: one fair cue names its need', async (t) => {
  t.same(queryIntent('en jaksa enää').namedNeeds, ['crisis']);
  t.notOk(queryIntent('pikavipit kasautuneet mitä teen').needs.includes('child_youth'), 'Finnish "teen" (I do) is no teenager');
  t.ok(queryIntent('teenage son drinking').needs.includes('child_youth'));
});

t.test('the parts of a compound are read for what the query names, not for its language', async (t) => {
  const lexicon = buildLexicon();
  const intentOf = (q: string) => queryIntent(q, undefined, compoundParts(q, lexicon));
  t.same(compoundParts('uskalla', lexicon), [], 'a word that is no compound of known words is not split');
  t.same(intentOf('sururyhmä').namedNeeds, ['bereavement'], 'a grief group is about bereavement');
  t.same(intentOf('yksinäisyysryhmä').namedNeeds, ['loneliness']);
  t.equal(intentOf('seniorrådgivning').language, undefined, 'a Finnish word among the parts does not make a query Finnish');
});

t.test('a searcher\'s own age: services outside its limits after, those made for its age group first', async (t) => {
  const intent = queryIntent('oon 16 ja mua ahdistaa');
  t.equal(intent.age, 16);
  const [youth, forAll, adultsAndYouth, adultsOnly] = [
    service(['mental_health'], { target_groups: ['youth'] }),
    service(['mental_health']),
    service(['mental_health'], { target_groups: ['adults', 'youth'] }),
    service(['mental_health'], { target_groups: ['adults'], min_age: 18 }),
  ];
  t.ok(intentBonus(youth, intent) > intentBonus(forAll, intent), 'made for young people before one for everyone');
  t.equal(intentBonus(adultsAndYouth, intent), intentBonus(forAll, intent), 'one for adults and young people is not made for a minor');
  t.ok(intentBonus(adultsOnly, intent) < intentBonus(forAll, intent), 'one from 18 up after');
  const older = queryIntent('olen 78-vuotias ja yksinäinen');
  t.equal(older.age, 78);
  t.ok(intentBonus(service(['loneliness'], { target_groups: ['adults', 'older_people'] }), older) > intentBonus(service(['loneliness']), older), 'an older person: the services for older people');
});

t.test('needles are a sign of substance use, knitting is not', async (t) => {
  t.same(queryIntent('mistä saa puhtaita neuloja').namedNeeds, ['substance']);
  t.notOk(queryIntent('neulontaryhmä ikäihmisille').needs.includes('substance'), '`neulonta` is knitting');
});

t.test('one who asks how to stop their violence: a service made for them before one that also takes their calls', async (t) => {
  const intent = queryIntent('olen lyönyt puolisoani ja haluan lopettaa');
  t.ok(intent.forViolenceUsers);
  const describe = (description: string) =>
    ({ ...service(['violence', 'family']), description, service_types: ['helpline'] }) as unknown as SearchDocument;
  const theirs = describe('Puhelin ja chat väkivaltaa käyttäneille, jotka haluavat lopettaa.');
  const both = describe('Auttava puhelin väkivaltaa kokeneille; myös väkivaltaa käyttäneet voivat soittaa.');
  t.ok(intentBonus(theirs, intent) > intentBonus(both, intent), 'the service for those who use violence first');
});

t.test('a service made first of all for carers is for those who ask as one', async (t) => {
  const carers = service(['caregiver', 'elderly', 'disability'], { target_groups: ['relatives', 'older_people'] });
  const advice = service(['disability', 'legal', 'income'], { target_groups: ['adults', 'relatives'] });
  const appeal = queryIntent('hylätty vammaistuki, miten teen valituksen');
  t.notOk(appeal.asRelative);
  t.ok(intentBonus(advice, appeal) - intentBonus(carers, appeal) >= 0.3, 'one who appeals a disability benefit: the advice, not the carer\'s allowance');
  const carer = queryIntent('omaishoitajan jaksaminen');
  t.ok(carer.asRelative);
  t.ok(intentBonus(carers, carer) > intentBonus(advice, carer), 'a carer: the carers\' service');
});

t.test('a kind of service asked for counts for one made for the need asked', async (t) => {
  const homeless = queryIntent('yöpaikka asunnottomalle');
  t.same(homeless.namedNeeds, ['housing']);
  t.same(homeless.serviceTypes, ['shelter']);
  const nightShelter = service(['housing', 'crisis'], { service_types: ['shelter'] });
  const violenceShelter = service(['violence', 'crisis', 'family'], { service_types: ['shelter', 'crisis_help'], access: ['always_open'] });
  const emergency = service(['crisis', 'violence', 'housing'], { service_types: ['crisis_help', 'advice'], access: ['always_open'] });
  const officeHours = service(['crisis', 'violence', 'housing'], { service_types: ['crisis_help', 'advice'] });
  const kind = (doc: SearchDocument) => intentBonus(doc, homeless) - intentBonus(doc, { ...homeless, serviceTypes: [] });
  t.ok(kind(nightShelter) > 0, 'the night shelter is the kind asked');
  t.equal(kind(violenceShelter), 0, 'the violence shelter is not');
  t.ok(kind(emergency) > 0, 'the social emergency service places people for the night: crisis help for the need, around the clock');
  t.equal(kind(officeHours), 0, 'an office that closes does not');
  const peer = queryIntent('vertaistukiryhmä rahapeliongelmaan');
  t.equal(intentBonus(service(['mental_health'], { service_types: ['peer_support'] }), peer), intentBonus(service(['mental_health']), peer), 'a peer group for another need gains nothing by being one');
});

t.test('help asked for at night comes first from a service open round the clock', async (t) => {
  const night = queryIntent('kriisi puhelin yöllä');
  t.ok(night.roundTheClock);
  t.notOk(queryIntent('kriisipuhelin').roundTheClock);
  t.ok(queryIntent('crisis line at night').roundTheClock);
  const alwaysOpen = service(['crisis'], { always_open: true });
  const byDay = service(['crisis']);
  t.ok(intentBonus(alwaysOpen, night) > intentBonus(byDay, night));
  t.equal(intentBonus(alwaysOpen, queryIntent('kriisipuhelin')), intentBonus(byDay, queryIntent('kriisipuhelin')));
});

t.test('a family member named with a problem tells the searcher\'s place in that family', async (t) => {
  const child = queryIntent('äiti juo joka päivä');
  t.equal(child.kinRole, 'child', 'a mother who drinks: her child asks');
  t.ok(child.asRelative);
  const parent = queryIntent('15v tytär pelaa nettipokeria');
  t.equal(parent.kinRole, 'parent', 'a daughter who gambles: her parent asks');
  t.equal(parent.age, undefined, 'the age given is the daughter\'s, not the searcher\'s');
  t.equal(queryIntent('my dad drinks every night').kinRole, 'child');
  for (const q of ['lapsen kuolema suru', 'muistisairas isä asuu yksin', 'äiti on yksinäinen', 'mieheni lyö minua ja lapset pelkää', 'oon 15 ja mua ahdistaa']) {
    t.equal(queryIntent(q).kinRole, undefined, `${q}: the one named is helped, or the searcher has the problem`);
  }
  const youngOnly = service(['child_youth', 'family'], { target_groups: ['children', 'youth'] });
  const adultsToo = service(['child_youth', 'family'], { target_groups: ['adults', 'youth'] });
  t.ok(intentBonus(youngOnly, child) > intentBonus(adultsToo, child), 'a child of one who drinks: the line made for the young');
  const parents = service(['gambling', 'family'], { target_groups: ['families', 'relatives'] });
  const parentsForAnother = service(['substance', 'family'], { target_groups: ['families', 'relatives'] });
  const gamblers = service(['gambling'], { target_groups: ['adults'] });
  t.ok(intentBonus(parents, parent) > intentBonus(gamblers, parent), 'a parent: the service for families of gamblers first');
  t.ok(intentBonus(parents, parent) > intentBonus(parentsForAnother, parent), 'not one for families with another problem');
  const bullied = queryIntent('lasta kiusataan koulussa');
  const parentsLine = service(['family', 'child_youth'], { target_groups: ['families', 'relatives'] });
  const youngPeoplesShelter = service(['child_youth', 'family'], { target_groups: ['youth', 'families'] });
  t.ok(intentBonus(parentsLine, bullied) > intentBonus(youngPeoplesShelter, bullied), 'a parent: the parents\' line before a service made first for the young');
});

t.test('a service for immigrants only comes after one for everyone, unless the query asks for what it is made for', async (t) => {
  const newcomers = service(['violence', 'immigration'], { target_groups: ['women', 'immigrants'], languages: ['fi', 'en', 'ar'] });
  const forAll = service(['violence', 'immigration'], { target_groups: ['women', 'adults'], languages: ['fi', 'en', 'ar'] });
  const finnish = queryIntent('mies uhkailee tappaa');
  t.ok(intentBonus(forAll, finnish) > intentBonus(newcomers, finnish), 'a Finnish query: the same service for everyone first');
  for (const q of ['kunnia väkivalta', 'pakkoavioliitto', 'monikielinen väkivaltapuhelin', 'maahanmuuttaja väkivalta', 'violent husband']) {
    t.equal(intentBonus(newcomers, queryIntent(q)), intentBonus(forAll, queryIntent(q)), `${q}: not moved down`);
  }
});
