import t from 'tap';
import { bearer, buildTestApp, loadDevCatalog, withDevCatalog } from '../helpers/app.ts';
import { newService } from '../routes/v1/fixtures/write-side.ts';

/**
 * Finding quality for every client: language and interpretation from the data, target
 * groups as eligibility, what recommend read and why a service stands where it does,
 * and search that does not carry one need's words into another need's services.
 */

interface Labelled {
  code: string;
  label: string;
}
interface Result {
  id: string;
  score: number;
  reasons: string[];
  covers: string[];
  lifted?: { code: string; text: string };
  service: { name: string; languages: string[]; interpretation: boolean; target_groups: Labelled[]; needs: Labelled[]; service_types: Labelled[] };
}
interface Answer {
  speaks_finnish: { value: boolean; source: string };
  uses_violence: { value: boolean; source: string };
  needs: Array<Labelled & { weight: number; source: string; evidence: string[] }>;
  urgency: { value: string; source: string };
  age?: { value: number; source: string };
  language?: { value: string; source: string };
  requires: { value: Labelled[]; source: string };
  target_groups: Labelled[];
  results: Result[];
}
interface SearchAnswer {
  hits: Array<{ name: string; languages: string[]; needs: Labelled[]; interpretation: boolean }>;
  total: number;
  facets: Record<string, Array<{ code: string; count: number }>>;
}

const ADMIN = 'admin-secret-0123456789abcdef';
const codes = (xs: Labelled[]) => xs.map((x) => x.code);
/** A service only for relatives (of older people, of substance users…), not for the person with the problem. */
const forRelativesOnly = (r: Result) => {
  const groups = codes(r.service.target_groups);
  return groups.includes('relatives') && !groups.includes('everyone') && !groups.includes('adults');
};

t.test('quality', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN } });
  const { app } = ta;
  await withDevCatalog(ta);
  const catalog = (await loadDevCatalog()) as { organizations: Array<{ id: string }> };
  const recommend = async (body: object) => {
    const res = await app.inject({ method: 'POST', url: '/v1/recommend', payload: body });
    t.equal(res.statusCode, 200, res.body.slice(0, 300));
    return res.json() as Answer;
  };
  const search = async (query: string) => {
    const res = await app.inject({ url: `/v1/search?${query}` });
    t.equal(res.statusCode, 200, res.body.slice(0, 300));
    return res.json() as SearchAnswer;
  };

  t.test('a young adult sleeping on friends\' couches: housing and substance use, youth and housing services, no relatives\' service', async (t) => {
    const a = await recommend({
      text: 'Asiakas on 19-vuotias, asunto lähti alta ja hän nukkuu kavereiden sohvilla, käyttää kannabista päivittäin.',
      profile: { municipality: '297' },
    });
    t.same(codes(a.needs).sort(), ['housing', 'substance']);
    t.same(a.age, { value: 19, source: 'text' }, 'the age read is returned');
    t.ok(codes(a.target_groups).includes('youth'), 'the client is read to be young');
    t.ok(a.results.slice(0, 5).some((r) => r.covers.includes('housing')), 'a housing service near the top');
    t.ok(a.results.some((r) => codes(r.service.target_groups).includes('youth')), 'a youth service is listed');
    t.notOk(a.results.some(forRelativesOnly), 'no service for relatives');
  });

  t.test('services for relatives are for relatives', async (t) => {
    const user = await recommend({ profile: { needs: ['substance'], municipality: '297', age: 40, language: 'fi' } });
    t.notOk(user.results.some(forRelativesOnly), 'not to the substance user');
    const relative = await recommend({
      text: 'Asiakkaan puoliso juo joka päivä, asiakas on uupunut ja haluaa tukea itselleen.',
      profile: { municipality: '297', age: 45, language: 'fi' },
    });
    t.ok(codes(relative.needs).includes('caregiver'));
    t.ok(relative.results.slice(0, 5).some(forRelativesOnly), 'to the relative who supports them');
  });

  t.test('language: usable in the languages listed, or through interpretation the service arranges', async (t) => {
    const somali = await recommend({ profile: { needs: ['debt', 'loneliness'], municipality: '091', age: 35, language: 'so' } });
    t.ok(somali.results.length > 0);
    for (const r of somali.results) {
      t.ok(r.service.languages.includes('so') || r.service.interpretation, `${r.service.name} serves in Somali or arranges interpretation`);
      if (!r.service.languages.includes('so')) {
        t.ok(r.reasons.some((x) => /tulkkau/.test(x)), 'the reason says it relies on interpretation');
      }
    }
    const english = await recommend({ profile: { needs: ['loneliness'], municipality: '091', age: 35, language: 'so' }, lang: 'en' });
    for (const r of english.results.filter((x) => !x.service.languages.includes('so'))) {
      t.ok(r.reasons.some((x) => /interpretation/.test(x) && /Somali/.test(x)), 'reasons name the language in the request\'s language');
    }
    const finnish = await recommend({ profile: { needs: ['loneliness', 'caregiver'], municipality: '091', age: 70, language: 'fi' } });
    t.ok(finnish.results.every((r) => r.service.languages.includes('fi')), 'a Finnish speaker gets no Swedish-only service');
    const immigrantsOnly = finnish.results.filter((r) => codes(r.service.target_groups).every((g) => g === 'immigrants'));
    t.same(immigrantsOnly, [], 'nor a service for immigrants');
  });

  t.test('a Swedish speaker who speaks little Finnish: Finnish-language services only with interpretation', async (t) => {
    const text = 'Kvinna 81 år, svenskspråkig, talar knappt finska. Maken dog i våras, hon är ensam och vill prata med någon om sorgen.';
    const a = await recommend({ text, profile: { municipality: '091' } });
    t.same(a.speaks_finnish, { value: false, source: 'text' }, 'what was read is returned');
    t.same(a.language, { value: 'sv', source: 'text' });
    t.notOk(codes(a.target_groups).includes('immigrants'), 'weak Finnish does not make a Swedish speaker an immigrant');
    t.ok(a.results.length > 0);
    for (const r of a.results) {
      t.ok(r.service.languages.includes('sv') || r.service.interpretation, `${r.service.name} serves in Swedish or arranges interpretation`);
    }
    const corrected = await recommend({ text, profile: { municipality: '091', speaks_finnish: true } });
    t.same(corrected.speaks_finnish, { value: true, source: 'profile' }, 'the worker can correct it');
    t.ok(corrected.results.some((r) => !r.service.languages.includes('sv') && !r.service.interpretation), 'then Finnish-language services are usable again');
  });

  t.test('a Swedish speaker is served in Swedish unless the note says they manage in Finnish', async (t) => {
    const text = 'Kvinna 81 år, svenskspråkig. Maken dog i våras, hon är ensam och vill prata med någon om sorgen.';
    const a = await recommend({ text, profile: { municipality: '091' } });
    t.same(a.speaks_finnish, { value: false, source: 'default' }, 'the default is returned, for the worker to correct');
    t.ok(a.results.length > 0);
    for (const r of a.results) {
      t.ok(r.service.languages.includes('sv') || r.service.interpretation, `${r.service.name} serves in Swedish or arranges interpretation`);
    }
    const bilingual = await recommend({ text: `${text} Hon talar även finska.`, profile: { municipality: '091' } });
    t.same(bilingual.speaks_finnish, { value: true, source: 'text' });
    t.ok(bilingual.results.some((r) => !r.service.languages.includes('sv') && !r.service.interpretation), 'then Finnish-language services are usable');
    const firstFinnishOnly = bilingual.results.findIndex((r) => !r.service.languages.includes('sv'));
    t.ok(bilingual.results.slice(0, firstFinnishOnly).length > 0, 'after a Swedish one');
  });

  t.test('a woman her partner hit, in a police note, is offered a shelter and not help for those who use violence', async (t) => {
    const text =
      'Poliisi: kotihälytys yöllä, mies (45) lyönyt puolisoaan (41) nyrkillä ja uhannut veitsellä, lapset olivat kotona. ' +
      'Nainen ei halua jäädä asuntoon, pelkää miehen palaavan. Tarvitaan tälle päivälle turvallinen majoitus äidille ja lapsille.';
    const a = await recommend({ text, profile: { municipality: '698' } });
    t.equal(a.uses_violence.value, false, 'the client is not read as the one who hit');
    t.ok(a.results.slice(0, 5).some((r) => codes(r.service.service_types).includes('shelter')), 'a shelter in the top five');
    t.notOk(a.results.some((r) => /käyttäneille|käyttäjille/i.test(r.service.name)), 'no service for people who use violence');
  });

  t.test('a shelter is for a client who needs a place to stay, whatever else it lists', async (t) => {
    // A young teenager who stopped eating, and a parent who asks what to do: no night shelter.
    const a = await recommend({ profile: { needs: ['mental_health', 'child_youth', 'family'], urgency: 'soon', municipality: '297', age: 13, language: 'fi' } });
    t.notOk(a.results.slice(0, 5).some((r) => codes(r.service.service_types).includes('shelter')), a.results.slice(0, 5).map((r) => r.service.name).join('; '));
    const runaway = await recommend({ profile: { needs: ['child_youth', 'housing', 'family'], urgency: 'acute', municipality: '297', age: 16, language: 'fi' } });
    t.ok(runaway.results.slice(0, 3).some((r) => codes(r.service.service_types).includes('shelter')), 'one who has nowhere to sleep gets one');
  });

  t.test('a specialist service for another problem does not stand in for crisis help', async (t) => {
    // Robbed and beaten in the street last night: a crime victim in crisis.
    const a = await recommend({ profile: { needs: ['crime_victim', 'crisis', 'legal'], urgency: 'acute', municipality: '837', age: 23, language: 'fi' } });
    t.equal(codes(a.results[0]!.service.needs)[0], 'crime_victim', 'victim support first, not the sexual-violence centre');
  });

  t.test('a service for women is not a man\'s', async (t) => {
    const a = await recommend({
      text: 'Mies 48 v, somalinkielinen, puhuu vähän suomea. Sai päätöksen, jonka mukaan asumistukea peritään takaisin, eikä ymmärrä sitä.',
      profile: { municipality: '297' },
    });
    t.ok(codes(a.target_groups).includes('men'));
    const forWomen = a.results.slice(0, 5).filter((r) => codes(r.service.target_groups).includes('women') && !codes(r.service.target_groups).includes('men'));
    t.same(forWomen.map((r) => r.service.name), [], 'no service for women in the top five');
  });

  t.test('a relative is offered support for relatives of the same problem', async (t) => {
    const a = await recommend({ profile: { needs: ['caregiver', 'gambling', 'debt'], municipality: '837', age: 38, language: 'fi' } });
    const top = a.results.slice(0, 3);
    t.ok(top.some((r) => r.covers.includes('gambling')), 'a gambling service near the top');
    const otherProblem = top.filter((r) => r.covers.includes('caregiver') && !r.covers.includes('gambling') && !r.covers.includes('debt'));
    t.same(otherProblem.map((r) => r.service.name), [], 'no support for relatives of substance users or older people in the top three');
  });

  t.test('the response returns what it read, with evidence', async (t) => {
    const a = await recommend({
      text: 'Nainen 52 v, puhuu arabiaa. Ulosotossa velkoja, haluaa asioida nimettömänä puhelimitse.',
      profile: { municipality: '297' },
    });
    const debt = a.needs.find((n) => n.code === 'debt');
    t.ok(debt, 'debt is read');
    t.ok(debt!.evidence.length > 0 && debt!.evidence.every((e) => /^[a-z_]+\.[a-z_]+$/.test(e)), 'evidence is lexicon ids');
    t.same(a.age, { value: 52, source: 'text' });
    t.same(a.language, { value: 'ar', source: 'text' });
    t.same(codes(a.requires.value).sort(), ['anonymous', 'remote']);
    t.equal(a.requires.source, 'text');
    t.ok(codes(a.target_groups).includes('women'));
    t.notOk(JSON.stringify(a).includes('Ulosotossa'), 'the text is not echoed');
  });

  t.test('scores do not rise down the list unless a result says why it was lifted', async (t) => {
    const answers = [
      await recommend({ profile: { needs: ['debt', 'gambling', 'loneliness'], municipality: '297', age: 42, language: 'fi' } }),
      await recommend({ profile: { needs: ['violence', 'crisis', 'housing'], urgency: 'acute', municipality: '091', age: 30, language: 'fi' } }),
      await recommend({ text: 'Mies 60 v, juo paljon, velkoja ja yksinäinen.', profile: { municipality: '837' } }),
      await recommend({ text: 'Asiakas soitti ja kysyi palveluista.', profile: { municipality: '297', age: 40 } }),
    ];
    for (const a of answers) {
      t.ok(a.results.length > 0 && a.results.every((r) => Number.isFinite(r.score)), 'every score is a number, needs or none');
      a.results.forEach((r, i) => {
        const above = a.results[i - 1];
        if (above && r.score > above.score) t.ok(r.lifted, `${r.service.name} stands above a higher score only when lifted`);
        if (r.lifted) t.ok(r.lifted.text.length > 0);
      });
    }
  });

  t.test('search: one need\'s words do not reach another need\'s services', async (t) => {
    const velka = await search('q=velka&limit=100');
    t.ok(velka.total > 0);
    for (const h of velka.hits) {
      const needs = codes(h.needs);
      t.ok(!needs.includes('crime_victim') || needs.includes('debt'), `${h.name}: no crime-victim service for "velka"`);
    }
    t.notOk(velka.facets.needs!.some((f) => f.code === 'crime_victim'), 'nor in the facets');
    const skuld = await search('q=skuldr%C3%A5dgivning&limit=100&lang=sv');
    t.ok(skuld.total > 0);
    for (const h of skuld.hits) {
      const needs = codes(h.needs);
      t.ok(!needs.includes('housing') || needs.includes('debt'), `${h.name}: no housing service that is not about debt`);
    }
  });

  t.test('search: the page\'s language first', async (t) => {
    const fi = await search('q=l%C3%A4heisten+vertaistuki&lang=fi&limit=5');
    t.ok(fi.hits.length > 0);
    t.ok(fi.hits.slice(0, 3).every((h) => h.languages.includes('fi')), 'Finnish services first on a Finnish page');
    const sv = await search('q=l%C3%A4heisten+vertaistuki&lang=sv&limit=5');
    t.ok(sv.hits[0]!.languages.includes('sv'), 'a Swedish page gets a Swedish-language service first');
    const typed = await search('q=yksin%C3%A4isyys&limit=5');
    t.ok(typed.hits.every((h) => h.languages.includes('fi')), 'a query typed in Finnish, on no page, gets Finnish services first');
  });

  t.test('interpretation_services: stored, written through /v1, served in /v1, /hsds and search', async (t) => {
    const org = catalog.organizations[0]!.id;
    const text = 'Tulkkaus järjestetään maksutta kaikilla kielillä.';
    const created = await app.inject({
      method: 'POST',
      url: '/v1/services',
      headers: bearer(ADMIN),
      payload: newService(org, { name: 'Tulkattu neuvonta', interpretation_services: text }),
    });
    t.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    t.equal((await app.inject({ url: `/v1/services/${id}` })).json().interpretation_services, text);
    t.equal((await app.inject({ url: `/hsds/services/${id}` })).json().interpretation_services, text);
    await ta.indexed();
    const hit = (await search('q=tulkattu+neuvonta&limit=5')).hits.find((h) => h.name === 'Tulkattu neuvonta');
    t.equal(hit?.interpretation, true, 'the search hit says it arranges interpretation');

    const tooLong = await app.inject({
      method: 'POST',
      url: '/v1/services',
      headers: bearer(ADMIN),
      payload: newService(org, { interpretation_services: 'x'.repeat(1001) }),
    });
    t.equal(tooLong.statusCode, 400, 'bounded in size');

    const dev = (await loadDevCatalog()) as { services: Array<{ id: string; interpretation_services?: string }> };
    const withInterpretation = dev.services.find((s) => s.interpretation_services)!;
    const served = (await app.inject({ url: `/hsds/services/${withInterpretation.id}` })).json();
    t.equal(served.interpretation_services, withInterpretation.interpretation_services, 'an imported value is served as it came');
  });
});
