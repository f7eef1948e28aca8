import { Writable } from 'node:stream';
import t from 'tap';
import { buildTestApp, loadDevCatalog, withDevCatalog } from '../helpers/app.ts';

interface Result {
  id: string;
  score: number;
  reasons: string[];
  covers: string[];
  service: {
    name: string;
    areas: string[];
    languages: string[];
    target_groups: Array<{ code: string }>;
    open_now?: boolean;
    always_open: boolean;
    status: string;
    service_types: Array<{ code: string }>;
  };
}
interface Answer {
  needs: Array<{ code: string; source: string }>;
  uses_violence: { value: boolean; source: string };
  own_use: { value: boolean; source: string };
  urgency: { value: string; source: string };
  results: Result[];
  gaps: Array<{ code: string }>;
  wants: Array<{ code: string; label: string }>;
}

t.test('recommend', async (t) => {
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const ta = await buildTestApp(t, { logStream, env: { LOG_LEVEL: 'trace' } });
  const { app } = ta;
  await withDevCatalog(ta);
  const catalog = (await loadDevCatalog()) as { services: Array<{ id: string; minimum_age?: number; maximum_age?: number }> };
  const ageLimits = new Map(catalog.services.map((s) => [s.id, s]));
  const recommend = async (body: object) => {
    const res = await app.inject({ method: 'POST', url: '/v1/recommend', payload: body });
    t.equal(res.statusCode, 200, res.body.slice(0, 300));
    return res.json() as Answer;
  };

  t.test('several needs: the list covers each of them, with reasons', async (t) => {
    const a = await recommend({ profile: { needs: ['debt', 'gambling', 'loneliness'], municipality: '297', age: 42, language: 'fi' } });
    t.equal(a.results.length, 10);
    for (const need of ['debt', 'gambling', 'loneliness']) {
      t.ok(a.results.slice(0, 6).some((r) => r.covers.includes(need)), `${need} is covered near the top`);
    }
    for (const r of a.results) {
      t.ok(r.reasons.length >= 2, 'every result is explained');
      t.ok(r.service.areas.some((x) => ['kunta:297', 'hva:pohjois-savo', 'FI'].includes(x)), 'in the client area');
      t.equal(r.service.status, 'active');
      const s = ageLimits.get(r.id)!;
      t.ok((s.minimum_age ?? 0) <= 42 && (s.maximum_age ?? 200) >= 42, 'within age limits');
    }
    t.ok(a.results[0]!.reasons.some((x) => /Kuopio|Pohjois-Savo|Valtakunnallinen/.test(x)), 'the area is a reason');
  });

  t.test('acute: a service reachable right now is in the top three', async (t) => {
    const a = await recommend({ profile: { needs: ['violence', 'crisis'], urgency: 'acute', municipality: '091', age: 30 } });
    t.ok(a.results.slice(0, 3).some((r) => r.service.open_now || r.service.always_open));
  });

  t.test('language: a Finnish speaker gets no Swedish-only service', async (t) => {
    const a = await recommend({ profile: { needs: ['crisis', 'bereavement'], municipality: '091', age: 50, language: 'fi' } });
    t.ok(a.results.every((r) => r.service.languages.includes('fi')));
    const sv = await recommend({ profile: { needs: ['crisis', 'bereavement'], municipality: '091', age: 50, language: 'sv' }, lang: 'sv' });
    t.ok(sv.results[0]!.service.languages.includes('sv'), 'a Swedish speaker gets a Swedish-language service first');
    t.ok(sv.results[0]!.reasons.some((x) => /svenska/.test(x)), 'reasons in Swedish');
    const debt = await recommend({ profile: { needs: ['debt'], municipality: '091', age: 40, language: 'sv' } });
    t.equal(debt.results[0]!.service.languages[0], 'sv', `the service made for Swedish speakers before one that also speaks Swedish: ${debt.results[0]!.service.name}`);
  });

  t.test('services for victims of violence and for people who use it are for different people', async (t) => {
    const forUsers = /^(?:Muutos-työ|Väkivallaton arki)/;
    const forVictimsOnly = /Turvakoti|Turvachat|Rikosuhrien/;
    const victim = await recommend({ text: 'Mies on lyönyt asiakasta ja uhkaillut häntä.', profile: { municipality: '837', age: 40 } });
    t.same(victim.uses_violence, { value: false, source: 'default' });
    t.ok(victim.results.some((r) => forVictimsOnly.test(r.service.name)), 'a victim gets services for victims');
    t.notOk(victim.results.some((r) => forUsers.test(r.service.name)), 'and none for people who use violence');

    const user = await recommend({ text: 'Mies kertoo lyöneensä puolisoaan ja haluaa apua, ettei se toistu.', profile: { municipality: '837', age: 40 } });
    t.same(user.uses_violence, { value: true, source: 'text' });
    t.ok(user.results.slice(0, 3).some((r) => forUsers.test(r.service.name)), 'a client who uses violence gets help to stop');
    t.notOk(user.results.some((r) => forVictimsOnly.test(r.service.name)), 'and no shelter or victim support');

    const corrected = await recommend({ text: 'Mies on lyönyt asiakasta.', profile: { municipality: '837', age: 40, uses_violence: true } });
    t.same(corrected.uses_violence, { value: true, source: 'profile' });
  });

  t.test('services only for relatives and families are not for the one whose own drinking the note tells', async (t) => {
    const forRelatives = (r: Result) => r.service.target_groups.every((g) => ['relatives', 'families'].includes(g.code));
    const drinker = await recommend({ text: 'Juon joka ilta kahdeksan olutta. Vaimo uhkaa lähteä. Haluan lopettaa.', profile: { municipality: '837', age: 36 } });
    t.same(drinker.own_use, { value: true, source: 'text' });
    t.ok(drinker.needs.some((n) => n.code === 'family'), 'the family need is read');
    t.same(drinker.results.filter(forRelatives).map((r) => r.service.name), [], 'and no service only for relatives and families');
    const parent = await recommend({ text: 'Poikani 17 v polttaa kannabista päivittäin. Mistä saisin itselleni tukea?', profile: { municipality: '837', age: 46 } });
    t.same(parent.own_use, { value: false, source: 'default' });
    t.ok(parent.results.some(forRelatives), 'a parent gets the relatives\' services');
    const corrected = await recommend({ text: 'Juon joka ilta kahdeksan olutta. Vaimo uhkaa lähteä.', profile: { municipality: '837', age: 36, own_use: false } });
    t.same(corrected.own_use, { value: false, source: 'profile' });
  });

  t.test('services for adults only are not for a minor, though their parents may use services for relatives', async (t) => {
    const groups = (r: Result) => r.service.target_groups.map((g) => g.code);
    const adultsOnly = (r: Result) => groups(r).every((g) => ['adults', 'women', 'men'].includes(g));
    const minor = await recommend({ profile: { needs: ['housing', 'crisis'], urgency: 'acute', municipality: '091', age: 16 } });
    t.same(minor.results.filter(adultsOnly).map((r) => r.service.name), [], 'no adults\' shelter or group for a 16-year-old');
    const adult = await recommend({ profile: { needs: ['housing', 'crisis'], urgency: 'acute', municipality: '091', age: 30 } });
    t.ok(adult.results.some(adultsOnly), 'an adult gets them');
    const unknownAge = await recommend({ text: 'Aikuinen mies on ilman yöpaikkaa tänään.', profile: { municipality: '091' } });
    t.ok(unknownAge.results.some(adultsOnly), 'and so does a client whose age is not known, unless the note speaks of a child');
    const mother = await recommend({ profile: { needs: ['gambling', 'family'], municipality: '297', age: 16 } });
    t.ok(mother.results.some((r) => groups(r).includes('relatives') && r.covers.includes('gambling')), 'a minor\'s family gets help for gamblers\' relatives');
    t.notOk(mother.results.some((r) => adultsOnly(r) && !groups(r).includes('relatives')), 'and no gamblers\' group for adults');
  });

  t.test('a carer of someone disabled is served by carers\' services for the elderly, not by those for relatives of substance users', async (t) => {
    const a = await recommend({ profile: { needs: ['caregiver', 'disability'], municipality: '049', age: 68, language: 'sv' } });
    const names = a.results.map((r) => r.service.name);
    t.ok(names.some((n) => /Anhörigtelefonen/.test(n)), `the carers' line in Swedish: ${names.join('; ')}`);
    t.notOk(names.some((n) => /päihteitä käyttävien läheisille/.test(n)), 'no line for relatives of substance users');
  });

  t.test('needs and urgency are read from the text when the profile lacks them', async (t) => {
    const a = await recommend({
      text: 'Asiakkaalla on ulosotossa paljon velkoja ja pikavippejä, ja hän pelaa nettikasinolla öisin.',
      profile: { municipality: '297', age: 40 },
      lang: 'en',
    });
    const codes = a.needs.map((n) => n.code);
    t.ok(codes.includes('debt') && codes.includes('gambling'), `read ${codes.join(',')}`);
    t.ok(a.needs.every((n) => n.source === 'text'));
    t.ok(a.results.length > 0);
    t.ok(a.results[0]!.reasons.every((x) => !/ulosotossa|pikavippejä/.test(x)), 'reasons never quote the text');
  });

  t.test('a kind of service the text asks for comes first among services for the need, and says so', async (t) => {
    const a = await recommend({
      text: 'Mies 50 v juo joka ilta ja haluaa lopettaa. Toivoo ryhmää, jossa olisi muita samassa tilanteessa.',
      profile: { municipality: '837' },
      lang: 'en',
    });
    t.same(a.wants.map((w) => w.code).sort(), ['group', 'peer_support'], 'the kinds read are in the answer for the worker to see');
    const first = a.results[0]!;
    t.ok(first.service.service_types.some((x) => ['group', 'peer_support'].includes(x.code)), `a group first: ${first.service.name}`);
    t.ok(first.reasons.some((x) => x.startsWith('Of the kind asked for')), first.reasons.join(' | '));
    const without = await recommend({ text: 'Mies 50 v juo joka ilta ja haluaa lopettaa.', profile: { municipality: '837' } });
    t.same(without.wants, [], 'nothing asked for, nothing read');
  });

  t.test('gaps: needs nothing covers in the area', async (t) => {
    const a = await recommend({ profile: { needs: ['debt', 'digital'], municipality: '698', age: 30 } });
    const needs = new Set(a.results.flatMap((r) => r.covers));
    for (const gap of a.gaps) t.notOk(needs.has(gap.code), `${gap.code} is a gap and covered by nothing`);
  });

  t.test('bad input is a 400 problem and never echoes the text', async (t) => {
    const secretText = 'Salainen tilanne Matti Meikäläinen 010101-123A';
    for (const body of [{}, { text: secretText, profile: { needs: ['nope'] } }, { text: secretText, profile: { municipality: '999' } }, { text: secretText, extra: 1 }, { text: '' }]) {
      const res = await app.inject({ method: 'POST', url: '/v1/recommend', payload: body });
      t.equal(res.statusCode, 400, JSON.stringify(Object.keys(body)));
      t.notMatch(res.body, /Salainen|Meikäläinen|010101/);
    }
  });

  t.test('client text is never logged nor put in metrics', async (t) => {
    const marker = 'Zyxwvutsrq Qponmlkj asiakkaan velat';
    await recommend({ text: marker, profile: { municipality: '091' } });
    await app.inject({ method: 'POST', url: '/v1/recommend', payload: { text: marker, profile: { needs: ['x-y'] } } });
    const metrics = (await app.inject({ url: '/metrics' })).body;
    t.ok(lines.length > 0, 'logs were captured');
    t.notOk(lines.some((l) => l.includes('Zyxwvutsrq') || l.includes('Qponmlkj')), 'not in the logs');
    t.notOk(metrics.includes('Zyxwvutsrq'), 'not in the metrics');
    const tables = (await app.database.pool.query<{ t: string }>(
      "select table_name as t from information_schema.tables where table_schema = 'public'",
    )).rows.map((r) => r.t);
    t.ok(tables.length >= 8);
    for (const table of tables) {
      const { rows } = await app.database.pool.query(`select count(*)::int as n from "${table}" x where x::text like '%Zyxwvutsrq%'`);
      t.equal(rows[0].n, 0, `not stored in ${table}`);
    }
  });
});
