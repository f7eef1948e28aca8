import t from 'tap';
import { buildTestApp, loadDevCatalog, withDevCatalog } from '../helpers/app.ts';

interface Hit {
  id: string;
  name: string;
  status: string;
  areas: string[];
  needs: Array<{ code: string; label: string }>;
  service_types: Array<{ code: string; label: string }>;
  target_groups: Array<{ code: string; label: string }>;
  access: Array<{ code: string; label: string }>;
  languages: string[];
  interpretation: boolean;
  distance_km?: number;
  highlight?: { name: string; description: string };
}

t.test('search', async (t) => {
  const ta = await buildTestApp(t);
  const { app } = ta;
  await withDevCatalog(ta);
  const catalog = (await loadDevCatalog()) as { services: Array<{ id: string; name: string; status: string }> };
  const statusOf = new Map(catalog.services.map((s) => [s.id, s.status]));
  const search = async (qs: string) => {
    const res = await app.inject({ url: `/v1/search?${qs}` });
    t.equal(res.statusCode, 200, qs);
    return res.json() as { hits: Hit[]; total: number; facets: Record<string, Array<{ code: string; count: number }>>; page: number; limit: number };
  };

  t.test('inflected and compound Finnish finds the services', async (t) => {
    const debt = await search('q=velkaneuvontaa');
    t.ok(debt.hits.slice(0, 5).every((h) => h.needs.some((n) => n.code === 'debt')), 'velkaneuvontaa → debt advice');
    const violence = await search('q=lähisuhdeväkivallan%20uhreille');
    t.ok(violence.hits.slice(0, 3).every((h) => h.needs.some((n) => n.code === 'violence')), 'a compound in the genitive');
    const typo = await search('q=turvakotti');
    t.match(typo.hits[0]?.name, /Turvakoti/, 'a typo');
    const unmarked = await search(`q=${encodeURIComponent('yksinainen vanhus ystava')}&limit=3`);
    t.ok(unmarked.hits.every((h) => /[Yy]stävä/.test(h.name)), `typed without ä: ${unmarked.hits.map((h) => h.name).join('; ')}`);
    const swedish = await search('q=skuldr%C3%A5dgivning');
    t.ok(swedish.hits.slice(0, 3).some((h) => h.needs.some((n) => n.code === 'debt')), 'Swedish');
    t.match(debt.hits[0]?.highlight?.description, /<mark>/, 'matched words are highlighted');
  });

  t.test('a municipality filter keeps its own, its wellbeing area and national services', async (t) => {
    const res = await search('q=velka&municipality=297&limit=50');
    t.ok(res.total > 0);
    for (const h of res.hits) {
      t.ok(h.areas.some((a) => ['kunta:297', 'hva:pohjois-savo', 'FI'].includes(a)), `${h.name} serves Kuopio`);
    }
    const area = await search('area=pohjois-savo&limit=100');
    t.ok(area.hits.every((h) => h.areas.some((a) => a === 'FI' || a === 'hva:pohjois-savo' || ['kunta:297', 'kunta:140', 'kunta:915'].includes(a))));
  });

  t.test('a place named in the query is where to search', async (t) => {
    const res = await app.inject({ url: '/v1/search?q=velkaneuvontaa%20kuopiossa&limit=50' });
    const named = res.json() as { hits: Hit[]; total: number; place?: { municipality: string; name: string } };
    t.same(named.place, { municipality: '297', name: 'Kuopio' }, 'the place read is returned');
    t.ok(named.total > 0);
    for (const h of named.hits) t.ok(h.areas.some((a) => ['kunta:297', 'hva:pohjois-savo', 'FI'].includes(a)), `${h.name} serves Kuopio`);
    t.ok(named.hits.slice(0, 5).every((h) => h.needs.some((n) => n.code === 'debt')), 'the town in a name does not outrank debt advice');
    const filtered = await search('q=velkaneuvontaa&municipality=297&limit=50');
    t.same(named.hits.map((h) => h.id), filtered.hits.map((h) => h.id), 'the same as the filter with the topic alone');
    const explicit = await app.inject({ url: '/v1/search?q=velkaneuvontaa%20kuopiossa&municipality=091' });
    t.notOk('place' in explicit.json(), 'a filter given wins over the place named');
    const town = await search(`q=${encodeURIComponent('yksinäisyys varkaudessa')}&limit=50`);
    t.ok(town.total > 0);
    t.ok(town.hits.every((h) => h.areas.some((a) => ['kunta:915', 'hva:pohjois-savo', 'FI'].includes(a))), 'Varkaus is the town, not "theft"');
    t.notOk(town.hits.some((h) => h.needs.some((n) => n.code === 'crime_victim')), 'no crime-victim service for the town\'s name');
  });

  t.test('services of the municipality searched in, or of its wellbeing area, come before national ones', async (t) => {
    const cases: Array<[string, string[]]> = [
      ['q=velkaongelma&municipality=837', ['kunta:837', 'hva:pirkanmaa']],
      [`q=${encodeURIComponent('yksinäisyys')}&municipality=297`, ['kunta:297', 'hva:pohjois-savo']],
    ];
    for (const [qs, near] of cases) {
      const res = await search(qs);
      t.ok(res.hits[0]?.areas.some((a) => near.includes(a)), `${qs}: ${res.hits[0]?.name}`);
    }
  });

  t.test('a place named in an inflected form with another grade is where to search', async (t) => {
    const res = await app.inject({ url: `/v1/search?q=${encodeURIComponent('ruoka-apu turussa')}&limit=50` });
    const named = res.json() as { hits: Hit[]; place?: { municipality: string; name: string } };
    t.same(named.place, { municipality: '853', name: 'Turku' });
    for (const h of named.hits) t.ok(h.areas.some((a) => ['kunta:853', 'hva:varsinais-suomi', 'FI'].includes(a)), `${h.name} serves Turku`);
  });

  t.test('a compound no service uses whole is searched by its parts', async (t) => {
    const res = await search('q=neulanvaihto');
    t.ok(res.total > 0, `"neulanvaihto" finds ${res.total}`);
    t.match(res.hits[0]?.name, /Terveysneuvontapiste/, 'the needle exchange that speaks of "neulojen vaihto"');
  });

  t.test('Finnish words that say nothing of what is searched for are not searched for', async (t) => {
    const [allTheTime, always] = [await search(`q=${encodeURIComponent('ahdistaa koko ajan')}`), await search(`q=${encodeURIComponent('ahdistaa aina')}`)];
    t.same(allTheTime.hits.map((h) => h.name), always.hits.map((h) => h.name), '"koko ajan" (all the time) and "aina" (always) change nothing');
  });

  t.test('Swedish and English words that say nothing of what is searched for are not searched for', async (t) => {
    const { hits } = await search(`q=${encodeURIComponent('suicidal thoughts who can I talk to')}&limit=3`);
    t.ok(
      hits.every((h) => h.needs[0]!.code === 'crisis'),
      `crisis services, not violence helplines found by "who" and "can": ${hits.map((h) => h.name).join('; ')}`,
    );
    const friend = await search(`q=${encodeURIComponent('jag vill ha en besöksvän')}`);
    t.match(friend.hits[0]?.name, /Vänverksamhet/, '"vill ha" (want) does not keep the befriending service from being found');
  });

  t.test('a searcher who gives their age gets the services made for it first', async (t) => {
    const { hits } = await search(`q=${encodeURIComponent('oon 16 ja mua ahdistaa')}&limit=2`);
    t.ok(
      hits.length === 2 && hits.every((h) => h.target_groups.some((g) => g.code === 'youth') && !h.target_groups.some((g) => g.code === 'adults')),
      `young people's services first: ${hits.map((h) => h.name).join('; ')}`,
    );
  });

  t.test('a query is known to be Finnish by its function words too', async (t) => {
    const { hits } = await search(`q=${encodeURIComponent('nuori ei uskalla kotiin')}&limit=5`);
    t.ok(hits.every((h) => h.languages.includes('fi')), `no Swedish-only service among the first five: ${hits.map((h) => h.name).join('; ')}`);
  });

  t.test('a Finnish word alone is a Finnish query: Swedish-only services come after', async (t) => {
    for (const q of ['yksinäinen', 'kriisipuhelin']) {
      const { hits } = await search(`q=${encodeURIComponent(q)}&limit=5`);
      t.ok(hits.every((h) => h.languages.includes('fi')), `${q}: ${hits.map((h) => h.name).join('; ')}`);
    }
  });

  t.test('a query in another language prefers services that interpret to those that do not speak it', async (t) => {
    const food = await search(`q=${encodeURIComponent('free food parcels')}&limit=3`);
    t.ok(food.hits[0]!.languages.includes('en') || food.hits[0]!.interpretation, `food aid in English or interpreted first: ${food.hits[0]!.name}`);
    const { hits } = await search(`q=${encodeURIComponent('depression therapy')}&limit=20`);
    const usable = hits.map((h) => h.languages.includes('en') || h.interpretation);
    t.ok(usable.length > 0 && usable.indexOf(false) > 0 && !usable.slice(usable.indexOf(false)).includes(true), `${hits.map((h) => h.name).join('; ')}`);
  });

  t.test('words that say nothing of a service do not count every service that uses them', async (t) => {
    const grief = await search('q=st%C3%B6d%20i%20sorg');
    const bereavement = grief.facets.needs!.find((f) => f.code === 'bereavement')?.count ?? 0;
    t.ok(grief.total <= 20 && bereavement >= grief.total - 2, `"stöd i sorg": ${grief.total} hits, ${bereavement} about bereavement`);
  });

  t.test('a kind of service named in the query comes first among services for the need', async (t) => {
    const types = (h: Hit) => h.service_types.map((x) => x.code);
    const shelter = await search('q=domestic%20violence%20shelter&limit=5');
    t.ok(shelter.hits.slice(0, 3).every((h) => types(h).includes('shelter')), 'shelters first for "domestic violence shelter"');
    const bed = await search('q=y%C3%B6paikka%20nuorelle&limit=5');
    t.ok(bed.hits.slice(0, 2).every((h) => types(h).includes('shelter')), 'a bed for the night for "yöpaikka nuorelle"');
    const night = await search('q=emergency%20night%20shelter&municipality=091&limit=3');
    const needsOf = (h: Hit) => h.needs.map((n) => n.code);
    const first = night.hits[0];
    t.ok(first && types(first).includes('shelter') && needsOf(first)[0] === 'housing', `the night shelter first: ${night.hits.map((h) => h.name).join('; ')}`);
    t.notOk(night.hits.slice(0, 2).some((h) => needsOf(h)[0] === 'violence'), 'no violence shelter among the first two');
  });

  t.test('a long word of the field misspelt by one letter is read as the word', async (t) => {
    const res = await search('q=toimentulotuki%20haku&limit=3');
    t.ok(res.hits.every((h) => h.needs.some((n) => n.code === 'income')), `income support for "toimentulotuki": ${res.hits.map((h) => h.name).join('; ')}`);
  });

  t.test('a first word found nowhere does not empty the answer', async (t) => {
    const res = await search('q=sossun%20p%C3%A4ivystys%20rovaniemi&limit=3');
    t.ok(res.total > 0, 'something is found, though spoken "sossun" matches no service');
    t.match(res.hits[0]?.name ?? '', /sosiaali- ja kriisipäivystys/, 'the social emergency service by the other word');
  });

  t.test('words that say what a service is for outweigh the others', async (t) => {
    const res = await search('q=puolison%20kuolema&municipality=698&limit=5');
    t.ok(res.hits.slice(0, 3).every((h) => h.needs.some((n) => n.code === 'bereavement')), 'bereavement services for "puolison kuolema"');
    const casino = await search('q=nettikasino%20velat&limit=5');
    t.ok(casino.hits.every((h) => h.needs.some((n) => ['gambling', 'debt'].includes(n.code))), 'a compound\'s head before its modifier: "nettikasino" is no digital help');
  });

  t.test('a query whose words find less than a page is widened to what its needs are called', async (t) => {
    const grief = await search('q=sorggrupp');
    t.match(grief.hits[0]?.name, /Sorggrupper/, 'the service with the query\'s word stays first');
    t.ok(grief.hits.length > 3, `bereavement services follow (${grief.hits.length})`);
    t.ok(grief.hits.every((h) => h.needs.some((n) => n.code === 'bereavement')), 'and all of them are about bereavement');
    t.equal(grief.total, grief.facets.needs!.find((f) => f.code === 'bereavement')!.count, 'total and facets count the same hits');
    const [first, second] = [await search('q=sorggrupp&limit=3'), await search('q=sorggrupp&limit=3&page=2')];
    t.equal(second.total, first.total, 'the pages agree on the total');
    t.ok(second.hits.length > 0 && second.hits.every((h) => !first.hits.some((f) => f.id === h.id)), 'the second page goes on where the first ended');
    const casinoDebts = await search('q=nettikasino%20velat');
    t.ok(casinoDebts.hits.filter((h) => h.needs[0]!.code === 'gambling').length >= 4, 'gambling help, not only the services that say "casino"');
  });

  t.test('clean needles are asked of harm reduction, and no other service of substance use speaks of them', async (t) => {
    const { hits } = await search(`q=${encodeURIComponent('needle exchange')}&limit=5`);
    t.ok(hits.some((h) => /Terveysneuvontapiste/.test(h.name)), `the needle exchange among the first five: ${hits.map((h) => h.name).join('; ')}`);
    t.ok(hits.every((h) => h.needs.some((n) => n.code === 'substance')), 'services for substance use');
    const words = await search(`q=${encodeURIComponent('neulojen vaihto')}&limit=3`);
    t.match(words.hits[0]?.name, /Terveysneuvontapiste/, 'the service that speaks of needles first');
    t.notOk(words.hits.slice(1).some((h) => /Päihdelinja|Päiväkeskus Majakka/.test(h.name)), 'the other services are not expanded with needles');
  });

  t.test('a word for kin says whom help is for, not what help', async (t) => {
    const friend = await search(`q=${encodeURIComponent('mummolle ystävä')}&limit=3`);
    t.ok(
      friend.hits.length === 3 && friend.hits.every((h) => h.service_types.some((x) => x.code === 'support_person')),
      `befriending for "mummolle ystävä": ${friend.hits.map((h) => h.name).join('; ')}`,
    );
  });

  t.test('a partner named first says whose violence, not what help', async (t) => {
    const { hits } = await search(`q=${encodeURIComponent('poikaystävä uhkailee minua')}&limit=3`);
    t.ok(hits.length === 3 && hits.every((h) => h.needs[0]!.code === 'violence'), `help with violence in a relationship: ${hits.map((h) => h.name).join('; ')}`);
  });

  t.test('words that ask say nothing of what is sought', async (t) => {
    const { hits } = await search(`q=${encodeURIComponent('velat kasvaa mitä teen')}&limit=5`);
    t.ok(hits.length === 5 && hits.every((h) => h.needs[0]!.code === 'debt'), `debt advice, not services for teens: ${hits.map((h) => h.name).join('; ')}`);
  });

  t.test('a family member\'s problem: the services for the searcher\'s place in the family join and come first', async (t) => {
    const groups = (h: Hit) => h.target_groups.map((g) => g.code);
    const parent = await search(`q=${encodeURIComponent('tytär polttaa kannabista')}&limit=4`);
    t.ok(
      parent.hits.length === 4 && parent.hits.every((h) => groups(h).some((g) => g === 'relatives' || g === 'families') && h.needs.some((n) => n.code === 'substance')),
      `a parent: services for the relatives of people who use drugs: ${parent.hits.map((h) => h.name).join('; ')}`,
    );
    const child = await search(`q=${encodeURIComponent('äiti juo joka päivä')}&limit=3`);
    const first = child.hits[0];
    t.ok(
      first && groups(first).some((g) => g === 'children' || g === 'youth') && !groups(first).some((g) => g === 'adults' || g === 'everyone'),
      `a child: a service made for the young first: ${child.hits.map((h) => h.name).join('; ')}`,
    );
  });

  t.test('help asked for at night: the services for the need open round the clock join and come first', async (t) => {
    const { hits } = await search(`q=${encodeURIComponent('haluan jutella jonkun kanssa yöllä')}&limit=2`);
    const roundTheClock = (h: Hit) => h.access.some((a) => a.code === 'always_open');
    t.ok(hits.length === 2 && hits.every(roundTheClock), `services open at night: ${hits.map((h) => h.name).join('; ')}`);
  });

  t.test('the words\' hits for a need come before the services joined by it, and those before the words\' other hits', async (t) => {
    const { hits } = await search(`q=${encodeURIComponent('ne levittää mun videoita netissä')}&limit=3`);
    t.match(hits[0]?.name, /Usva-chat/, 'the young people\'s chat on sexual violence that speaks of pictures online');
    t.ok(hits.every((h) => h.needs.some((n) => ['sexual_violence', 'crime_victim'].includes(n.code))), hits.map((h) => h.name).join('; '));
    const student = await search(`q=${encodeURIComponent('lonely international student')}&limit=3`);
    t.ok(
      student.hits[0]?.target_groups.some((g) => g.code === 'immigrants'),
      `the meeting place for people from abroad, not the other services that say "student": ${student.hits.map((h) => h.name).join('; ')}`,
    );
  });

  t.test('a query whose words lead to services for other needs is joined by services for the need it names', async (t) => {
    const games = await search('q=kaikki%20rahat%20menee%20peleihin&limit=5');
    t.ok(
      games.hits.every((h) => h.needs[0]!.code === 'gambling'),
      `gambling help, not income support for "rahat": ${games.hits.map((h) => h.name).join('; ')}`,
    );
    t.ok(games.facets.needs!.find((f) => f.code === 'gambling')!.count >= 5, 'the facets count the joined services');
  });

  t.test('a query in Swedish or English words of the lexicon prefers services in that language', async (t) => {
    const sv = await search('q=sj%C3%A4lvmordstankar');
    t.ok(sv.hits[0]!.languages.includes('sv'), `självmordstankar: ${sv.hits[0]!.name}`);
    const own = await search('q=tankar%20p%C3%A5%20sj%C3%A4lvmord&limit=3');
    t.same(
      own.hits.slice(0, 2).map((h) => h.languages[0]),
      ['sv', 'sv'],
      `services made for Swedish speakers before those that also speak it: ${own.hits.map((h) => h.name).join('; ')}`,
    );
  });

  t.test('help for people who use violence comes first only for those who ask for it', async (t) => {
    const forUsers = (h: Hit) => /käyttäneille$/.test(h.name);
    for (const q of ['kunniaväkivalta', 'mies lyö kotona']) {
      const { hits } = await search(`q=${encodeURIComponent(q)}`);
      t.notOk(hits.slice(0, 3).some(forUsers), `${q}: ${hits.slice(0, 3).map((h) => h.name).join('; ')}`);
    }
    for (const q of ['väkivaltaa käyttäneille', 'lyöny puolisoa mistä apua']) {
      const { hits } = await search(`q=${encodeURIComponent(q)}`);
      t.ok(forUsers(hits[0]!), `${q}: ${hits[0]!.name}`);
    }
    const asking = await search(`q=${encodeURIComponent('olen lyönyt vaimoani, mistä saan apua')}&limit=2`);
    t.ok(
      asking.hits.every((h) => /käyttäneille/.test(h.name)),
      `help for those who use violence before help only for victims: ${asking.hits.map((h) => h.name).join('; ')}`,
    );
    const stopping = await search(`q=${encodeURIComponent('olen lyönyt vaimoani, miten lopetan')}&limit=5`);
    t.notOk(
      stopping.hits.some((h) => h.service_types.some((x) => x.code === 'shelter')),
      `no shelter for one who asks how to stop: ${stopping.hits.map((h) => h.name).join('; ')}`,
    );
  });

  t.test('inactive and defunct never appear; temporarily closed only when asked', async (t) => {
    const all = await search('limit=100&page=1');
    const all2 = await search('limit=100&page=2');
    const statuses = new Set([...all.hits, ...all2.hits].map((h) => statusOf.get(h.id)));
    t.same([...statuses], ['active']);
    const withClosed = await search('limit=100&include_closed=true');
    t.ok(withClosed.total > all.total, 'temporarily closed ones added');
    t.ok(withClosed.hits.every((h) => ['active', 'temporarily closed'].includes(h.status)));
  });

  t.test('filters, facets, pagination and language', async (t) => {
    const res = await search('need=gambling&limit=5');
    t.ok(res.hits.every((h) => h.needs.some((n) => n.code === 'gambling')));
    t.equal(res.facets.needs?.find((f) => f.code === 'gambling')?.count, res.total, 'facet count = total for the filtered need');
    const page2 = await search('need=gambling&limit=5&page=2');
    t.equal(page2.page, 2);
    t.notSame(page2.hits.map((h) => h.id), res.hits.map((h) => h.id));
    const arabic = await search('language=ar&limit=50');
    t.ok(arabic.hits.every((h) => h.languages.includes('ar')));
    const multi = await search('need=debt,gambling&access=free&limit=50');
    t.ok(multi.hits.every((h) => h.needs.some((n) => n.code === 'debt' || n.code === 'gambling')));
    const sv = await search('need=debt&lang=sv&limit=1');
    t.equal(sv.hits[0]?.needs.find((n) => n.code === 'debt')?.label, 'Skulder och ekonomiska svårigheter');
    const geo = await search('lat=62.89&lon=27.68&radius_km=20&limit=50');
    t.ok(geo.total > 0);
    t.ok(geo.hits.every((h) => (h.distance_km ?? 0) <= 20), 'within the radius');
  });

  t.test('open_now keeps services open at this moment', async (t) => {
    const res = await search('open_now=true&limit=100');
    t.ok(res.hits.every((h) => (h as unknown as { open_now: boolean }).open_now === true));
  });

  t.test('bad parameters are problem+json 400s', async (t) => {
    for (const qs of ['need=no_such', 'municipality=999', 'municipality=abc', 'limit=0', 'limit=1000', 'lat=61', 'lang=de', 'area=nowhere', 'open_now=maybe']) {
      const res = await app.inject({ url: `/v1/search?${qs}` });
      t.equal(res.statusCode, 400, qs);
      t.match(res.headers['content-type'], /problem\+json/);
    }
  });
});
