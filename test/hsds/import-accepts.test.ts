import t from 'tap';
import { exportCatalog, importCatalog } from '../../src/hsds/catalog-file.ts';
import { nameUuid } from '../../src/vocabulary/index.ts';
import { buildTestApp } from '../helpers/app.ts';
import { byId, hsdsValidators, schemaErrors } from './schemas.ts';

/**
 * Import takes valid HSDS 3.0 beyond what the development catalog uses: a taxonomy of
 * its own, HSDS properties the catalog does not model (kept verbatim), nested rows
 * without ids (HSDS requires them, the catalog derives stable ones), a location without
 * addresses. What it exports is valid HSDS and survives a second round trip unchanged.
 */

const TAXONOMY = '0b7f3c1e-5a2d-4e6f-8a9b-1c2d3e4f5a6b';
const TERM = '1c8e4d2f-6b3e-4f70-9bac-2d3e4f5a6b7c';
const ORG = '2d9f5e30-7c4f-4081-8cbd-3e4f5a6b7c8d';
const SERVICE = '3e0a6f41-8d50-4192-9dce-4f5a6b7c8d9e';
const DEBT = nameUuid('need:debt');

const file = () => ({
  hsds_version: '3.0',
  taxonomies: [{ id: TAXONOMY, name: 'Open Eligibility', description: 'Human services taxonomy', uri: 'https://openeligibility.org' }],
  taxonomy_terms: [{ id: TERM, code: 'food', name: 'Ruoka-apu', description: 'Food assistance', taxonomy_id: TAXONOMY, language: 'fi' }],
  organizations: [
    {
      id: ORG,
      name: 'Esimerkkiyhdistys ry',
      alternate_name: 'Esy',
      description: 'Pieni yhdistys, joka jakaa ruoka-apua.',
      year_incorporated: 1987,
      // As organization.json nests them; the same services are listed at the top level.
      services: [{ id: SERVICE, name: 'Ruoka-apu', status: 'active' }],
      contacts: [{ id: '4f1b7a52-9e61-42a3-aedf-5a6b7c8d9eaf', name: 'Toiminnanjohtaja' }],
      attributes: [{ taxonomy_term_id: nameUuid('provider_type:ngo') }],
    },
  ],
  services: [
    {
      id: SERVICE,
      organization_id: ORG,
      name: 'Ruoka-apu',
      description: 'Ruokakasseja torstaisin.',
      status: 'active',
      wait_time: 'Ei jonoa',
      fees: 'Maksuton',
      funding: [{ id: '5a2c8b63-af72-43b4-8fe0-6b7c8d9eafb0', source: 'STEA' }],
      cost_options: [{ id: '6b3d9c74-b083-44c5-90f1-7c8d9eafb0c1', amount: 0, currency: 'EUR' }],
      translations: { sv: { name: 'Mathjälp' } },
      schedules: [{ freq: 'WEEKLY', byday: 'TH', opens_at: '12:00', closes_at: '14:00', timezone: 2, notes: 'Ei pyhinä' }],
      languages: [{ code: 'fi', name: 'suomi' }],
      service_areas: [{ extent_type: 'text', extent: 'kunta:091', name: 'Helsinki' }],
      service_at_locations: [{ location: { location_type: 'physical', name: 'Yhdistyksen tila' } }],
      attributes: [{ taxonomy_term_id: TERM }, { taxonomy_term_id: DEBT, link_entity: 'service', link_id: SERVICE }],
    },
  ],
});

t.test('a valid HSDS file with its own taxonomy and unmodelled HSDS fields', async (t) => {
  const first = await buildTestApp(t);
  const summary = await importCatalog(first.app.database.db, file());
  t.same(summary, { taxonomies: 1, taxonomy_terms: 1, organizations: 1, services: 1 });
  const exported = await exportCatalog(first.app.database.db);

  const service = exported.services.find((s) => s.id === SERVICE)!;
  t.match(service, { wait_time: 'Ei jonoa', fees: 'Maksuton', translations: { sv: { name: 'Mathjälp' } } }, 'unmodelled fields kept');
  t.same(service.funding, file().services[0]!.funding);
  t.same(service.cost_options, file().services[0]!.cost_options);
  t.match(service.schedules, [{ timezone: 2, notes: 'Ei pyhinä', id: String }], 'nested HSDS fields kept, ids derived');
  t.match(service.service_at_locations, [{ id: String, location: { id: String, addresses: [], accessibility: [] } }]);
  const byTerm = (list: unknown) => [...(list as Array<{ taxonomy_term_id: string }>)].sort((a, b) => a.taxonomy_term_id.localeCompare(b.taxonomy_term_id));
  t.match(
    byTerm(service.attributes),
    byTerm([
      { id: String, taxonomy_term_id: TERM, link_entity: 'service', link_id: SERVICE, taxonomy_term: { code: 'food' } },
      { id: String, taxonomy_term_id: DEBT, taxonomy_term: { code: 'debt' } },
    ]),
  );
  const org = exported.organizations.find((o) => o.id === ORG)!;
  t.match(org, { alternate_name: 'Esy', year_incorporated: 1987, contacts: [{ name: 'Toiminnanjohtaja' }] });
  t.match(exported.taxonomies.find((x) => x.id === TAXONOMY), { uri: 'https://openeligibility.org' });

  t.test('the same file imported again gives the same derived ids', async (t) => {
    await importCatalog(first.app.database.db, file());
    // A record without last_modified was modified "now", by each import; all else is the same.
    const stamped = (c: unknown) => JSON.stringify(c).replace(/"last_modified":"[^"]*"/g, '');
    t.equal(stamped(await exportCatalog(first.app.database.db)), stamped(exported));
    t.match(service.last_modified, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  });

  t.test('the export is valid HSDS 3.0', async (t) => {
    const v = await hsdsValidators();
    t.same(schemaErrors(v.service, exported.services, byId), []);
    t.same(schemaErrors(v.organization, exported.organizations, byId), []);
    t.same(schemaErrors(v.taxonomy, exported.taxonomies, byId), []);
    t.same(schemaErrors(v.taxonomy_term, exported.taxonomy_terms, byId), []);
  });

  t.test('export → import (fresh database) → export is identical', async (t) => {
    const second = await buildTestApp(t);
    await importCatalog(second.app.database.db, JSON.parse(JSON.stringify(exported)));
    t.equal(JSON.stringify(await exportCatalog(second.app.database.db)), JSON.stringify(exported));
  });
});

t.test('HSDS properties kept verbatim must still have their HSDS types', async (t) => {
  const ta = await buildTestApp(t);
  const bad = file();
  Object.assign(bad.services[0]!, { funding: 'STEA', assurer_email: 'nobody' });
  Object.assign(bad.organizations[0]!, { year_incorporated: 'vuonna 1987' });
  const err = (await importCatalog(ta.app.database.db, bad).catch((e: unknown) => e)) as { problems?: unknown[] };
  t.same(
    (err.problems as Array<{ record: string; field: string }>).map((p) => `${p.record.replace(/ .*/, '')} ${p.field}`),
    ['organizations[0] /year_incorporated', 'services[0] /assurer_email', 'services[0] /funding'],
  );
});
