import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { classify } from '../../src/ptv/classifications.ts';
import { tm35finToWgs84 } from '../../src/ptv/geo.ts';
import { dialable } from '../../src/ptv/phone.ts';
import { mergeTerms } from '../../src/ptv/sync.ts';
import { mapOrganization, mapService, ptvTimestamp } from '../../src/ptv/v11/mapping.ts';
import type { PtvChannel, PtvOrganization, PtvService } from '../../src/ptv/v11/types.ts';
import { FIXTURE_DIR } from './fake-ptv.ts';
import { metresBetween, tm35finReference } from './reference.ts';

const load = <T extends { id: string }>(dir: string) =>
  new Map<string, T>(
    fs.readdirSync(path.join(FIXTURE_DIR, dir)).map((f) => {
      const item = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, dir, f), 'utf8')) as T;
      return [item.id, item];
    }),
  );
const services = load<PtvService>('services');
const ctx = { channels: load<PtvChannel>('channels'), organizations: load<PtvOrganization>('organizations') };

function mapped(id: string) {
  const m = mapService(structuredClone(services.get(id)!), ctx);
  if ('skip' in m) throw new Error(m.skip);
  return m;
}

t.test('every fixture service maps to a record the catalog accepts', async (t) => {
  for (const id of services.keys()) t.doesNotThrow(() => mapped(id), id);
});

t.test('coordinates: ETRS-TM35FIN strings → WGS84, within 100 m of an independent reference', async (t) => {
  for (const channel of ctx.channels.values()) {
    const street = channel.addresses?.find((a) => a.streetAddress?.latitude)?.streetAddress;
    if (!street) continue;
    const p = tm35finToWgs84(street.latitude, street.longitude)!;
    const metres = metresBetween(tm35finReference(Number(street.latitude), Number(street.longitude)), p);
    t.ok(metres < 100, `${channel.id}: ${metres.toFixed(2)} m`);
    t.ok(p.latitude > 59 && p.latitude < 71 && p.longitude > 19 && p.longitude < 32, 'in Finland');
  }
  t.equal(tm35finToWgs84(null, null), undefined);
  t.equal(tm35finToWgs84('534268', '6973936'), undefined, 'easting and northing swapped: outside Finland, not a wrong point');
});

t.test('phones as a Finnish user dials them', async (t) => {
  t.equal(dialable('+358', '447110201'), '044 7110201');
  t.equal(dialable(null, '0800990123'), '0800 990123', 'a service number without prefix');
  t.equal(dialable('+358', '0447110201'), '044 7110201', 'a leading zero PTV should not have');
  t.equal(dialable('+46', '812345678'), '+46 8 123 456 78', 'a foreign number stays international');
  t.equal(dialable('+358', '12'), undefined);
});

t.test('opening hours: weekly, over midnight, summer, exceptional and holiday hours', async (t) => {
  const s06 = mapped('0fbfa579-21f7-49ca-9f2a-5e77f05dba9f').input.schedules!;
  t.match(s06, [
    { freq: 'WEEKLY', byday: 'MO,TU,WE,TH', opens_at: '08:00', closes_at: '16:00' },
    { freq: 'WEEKLY', byday: 'FR', opens_at: '08:00', closes_at: '14:00' },
    { freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', valid_from: '2026-06-22', valid_to: '2026-08-09', description: /Kesäaukiolo/ },
    { valid_from: '2025-12-31', valid_to: '2025-12-31', opens_at: '08:00', closes_at: '12:00', description: /Uudenvuodenaattona/ },
    { valid_from: '2026-01-06', valid_to: '2026-01-06', description: /Loppiainen – suljettu/ },
  ]);
  t.notOk(s06[3]!.byday, 'an exceptional day is not a weekly rule');

  const s08 = services.get('1940055c-77a4-4008-a13a-f2d3378f72d1')!;
  const channel = structuredClone(ctx.channels.get('42ca54c9-b9da-42eb-9e32-185336c8c65f')!);
  channel.serviceHours = [{
    serviceHourType: 'DaysOfTheWeek', validFrom: null, validTo: null, isClosed: false, isAlwaysOpen: false, isReservation: false,
    additionalInformation: [], openingHour: [{ dayFrom: 'Sunday', dayTo: '', from: '20:00:00', to: '03:00:00' }, { dayFrom: 'Monday', dayTo: '', from: '12:00:00', to: '00:00:00' }],
  }];
  const m = mapService(structuredClone(s08), { ...ctx, channels: new Map([...ctx.channels, [channel.id, channel]]) });
  if ('skip' in m) throw new Error(m.skip);
  const weekly = m.input.schedules!.filter((x) => x.description === 'Kriisikeskus Kuopio').map((x) => `${x.byday} ${x.opens_at}-${x.closes_at}`);
  t.same(weekly, ['SU 20:00-23:59', 'MO 00:00-03:00', 'MO 12:00-23:59'], 'Sunday night runs into Monday; 00:00 is midnight');

  const reservation = mapped('8fadb2aa-d6af-4605-96e3-593bea765ddd').input.schedules!;
  t.match(reservation, [{ description: /vain ajanvarauksella/ }], 'by appointment only');
  t.notOk(reservation[0]!.byday);
});

t.test('texts, languages, areas and organizations', async (t) => {
  const s02 = mapped('71d6dce4-55b7-42e1-ae46-e837519dddab');
  t.notOk(s02.input.translations, 'Finnish only: no translations');
  const s14 = mapped('8fadb2aa-d6af-4605-96e3-593bea765ddd');
  t.ok(s14.input.translations?.sv?.name, 'Swedish texts are kept even when the service is given in Finnish only');
  t.same(s14.input.languages!.map((l) => l.code), ['fi']);
  const s05 = mapped('0b8fa77b-16c0-4e1c-b630-b522fa2f1aa4');
  t.match(s05.input, { fees_description: String, service_areas: [{ extent: 'FI' }] });
  t.notOk(s05.input.access!.includes('free'), 'legal aid is chargeable');
  const s03 = mapped('90b32d75-e62d-4269-b7b7-d3313a051c60');
  t.same(s03.input.service_areas!.map((a) => a.extent), ['kunta:297', 'kunta:140'], 'a municipality list');
  const s04 = mapped('085b30f3-8886-4e20-baa2-0b9bdee8c827');
  t.ok(s04.input.service_areas!.every((a) => a.extent.startsWith('kunta:')) && s04.input.service_areas!.length > 10, 'a region lists its municipalities');
  t.same(mapped('05b71fa2-c19e-4a13-bfc7-8a198c913dd9').input.service_areas!.map((a) => a.extent), ['hva:pohjois-savo'], 'a wellbeing services county');
  const s13 = mapped('c886f1d6-0549-48e4-9e21-de9a9f54d8c0');
  t.same([s13.input.phones, s13.input.service_at_locations], [[], []], 'serviceChannels: null');
  const s23 = mapped('2aa59538-eb4e-49b9-b52b-e1f220946fe0');
  t.equal(s23.input.organization_id, 'b53a97e9-e214-49f9-9d7e-4e4a23c5c243', 'the responsible organization, not a producer');
  t.equal(s23.publicAuthority, true);

  const org = (id: string) => mapOrganization(ctx.organizations.get(id)!)!.input;
  t.equal(org('e2d73985-e873-4a1b-b990-7257cd498cd1').name, 'Kela', "displayNameType picks Kela's alternative name");
  t.match(org('4215fbad-0d2a-4fcf-bf8c-01ee7318e9cb'), { business_id: '3200202-7', provider_type: 'public' });
  t.equal(org('c7d50d3e-5f98-4968-9c11-979c4ac94bcd').provider_type, 'ngo');
  t.equal(org('05cebfdb-8b43-4b74-ba6b-8b522eefeb10').provider_type, 'private');
  t.equal(ptvTimestamp('2019-11-18T12:46:30.211131'), '2019-11-18T12:46:30.211Z', 'UTC without a zone');
});

t.test('classes and texts → needs; the main need first', async (t) => {
  const texts = (name: string, summary = '') => ({ name, summary, description: '', ontologyTerms: [] });
  t.same(classify(['P15.1'], [], texts('Talous- ja velkaneuvonta')).needs, ['debt']);
  t.equal(classify(['P4.13', 'P3.6'], [], texts('Lähisuhdeväkivaltatyö')).needs[0], 'violence', 'a coarse class: the name decides');
  t.same(classify(['P5.7'], [], texts('Vastaanotto')).needs, ['mental_health', 'substance'], 'a coarse class the texts do not narrow');
  t.same(classify(['P5.7'], [], texts('Mielenterveystoimisto', 'Keskusteluapua masennukseen ja ahdistukseen.')).needs, ['mental_health']);
  t.same(classify(['P4.2'], ['KR1.1', 'KR1'], texts('Seniorineuvonta')).target_groups, ['older_people']);
});

t.test('terms: the catalog\'s own additions survive, the ones PTV no longer gives go', async (t) => {
  t.same(mergeTerms([], [], ['debt']), ['debt'], 'first sync');
  t.same(mergeTerms(['debt', 'gambling'], ['debt'], ['debt']), ['debt', 'gambling'], 'a local addition is kept');
  t.same(mergeTerms(['gambling', 'debt'], ['debt'], ['debt', 'income']), ['gambling', 'debt', 'income'], 'local order kept, new ones after');
  t.same(mergeTerms(['debt', 'gambling'], ['debt'], ['income']), ['gambling', 'income'], 'no longer derived: gone');
});
