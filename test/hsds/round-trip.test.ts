import t from 'tap';
import { exportCatalog, importCatalog } from '../../src/hsds/catalog-file.ts';
import { buildTestApp, loadDevCatalog } from '../helpers/app.ts';
import { canonical, canonicalJson, differences } from './canonical.ts';
import { byId, hsdsValidators, schemaErrors } from './schemas.ts';

/**
 * The catalog file survives the catalog: importing the development catalog and exporting
 * it gives back the same objects, a second import of that export (into a fresh database)
 * exports byte-identically, and every exported object is valid HSDS 3.0.
 */

t.test('catalog file round trip', async (t) => {
  const original = await loadDevCatalog();
  const first = await buildTestApp(t);
  await importCatalog(first.app.database.db, original);
  const exported = await exportCatalog(first.app.database.db);

  t.test('the export holds the same objects as the original file', async (t) => {
    const diff = differences(canonical(original), canonical(exported));
    t.same(diff, [], 'no field differs');
    t.equal(canonicalJson(exported), canonicalJson(original), 'identical after sorting keys and rows by id');
  });

  t.test('export → import (fresh database) → export is byte-identical', async (t) => {
    const second = await buildTestApp(t);
    const summary = await importCatalog(second.app.database.db, JSON.parse(JSON.stringify(exported)));
    t.same(summary, { taxonomies: 5, taxonomy_terms: 64, organizations: 62, services: 171 });
    const again = await exportCatalog(second.app.database.db);
    t.equal(JSON.stringify(again), JSON.stringify(exported), 'byte-identical, in export order');
    t.equal(canonicalJson(again), canonicalJson(exported), 'byte-identical after sorting');
  });

  t.test('importing the same file again changes nothing', async (t) => {
    await importCatalog(first.app.database.db, JSON.parse(JSON.stringify(exported)));
    t.equal(JSON.stringify(await exportCatalog(first.app.database.db)), JSON.stringify(exported));
  });

  t.test('every exported object validates against the HSDS 3.0 compiled schemas', async (t) => {
    const v = await hsdsValidators();
    const errors = {
      taxonomies: schemaErrors(v.taxonomy, exported.taxonomies, byId),
      taxonomy_terms: schemaErrors(v.taxonomy_term, exported.taxonomy_terms, byId),
      organizations: schemaErrors(v.organization, exported.organizations, byId),
      services: schemaErrors(v.service, exported.services, byId),
    };
    t.same(errors, { taxonomies: [], taxonomy_terms: [], organizations: [], services: [] });
    t.equal(exported.services.length, 171);
    t.equal(exported.organizations.length, 62);
  });

  t.test('the validators do catch invalid objects', async (t) => {
    const v = await hsdsValidators();
    const service = structuredClone(exported.services[0]!) as Record<string, unknown>;
    service.status = 'open';
    service.email = 'not an email';
    delete service.name;
    t.equal(schemaErrors(v.service, [service], byId).length, 3);
    t.equal(schemaErrors(v.taxonomy_term, [{ id: 'x', name: 'n' }], byId).length, 2, 'non-UUID id, no description');
  });
});
