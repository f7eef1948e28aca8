import { sql } from 'drizzle-orm';
import t from 'tap';
import { CatalogRejected, importCatalog, type ImportProblem } from '../../src/hsds/catalog-file.ts';
import { buildTestApp, loadDevCatalog, withDevCatalog } from '../helpers/app.ts';

/**
 * An invalid catalog file is rejected as a whole with a report that names each bad
 * record and field: twenty different kinds of defects, each in a different record of the
 * development catalog, give exactly twenty problems, and the database is untouched.
 */

// Response bodies are read freely in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
interface Catalog {
  taxonomies: Json[];
  taxonomy_terms: Json[];
  organizations: Json[];
  services: Json[];
}

interface Defect {
  kind: string;
  list: keyof Catalog;
  /** Which records can carry the defect. */
  fits?: (r: Json) => boolean;
  apply: (r: Json, file: Catalog) => void;
  /** JSON pointer of the bad field inside the record. */
  field: string;
}

const OTHER_UUID = '9d1f6a3e-2b7c-4e8a-9f0d-5c3b2a1e4f60';
const hasPhones = (s: Json) => s.phones.length > 0;
const hasAddress = (s: Json) => s.service_at_locations[0]?.location.addresses.length > 0;
const hasSchedule = (s: Json) => s.schedules.length > 0;
/** Flips a Y-tunnus check digit. */
const wrongCheckDigit = (id: string) => `${id.slice(0, -1)}${(Number(id.at(-1)) + 1) % 10}`;

const DEFECTS: Defect[] = [
  { kind: 'non-UUID id', list: 'services', apply: (s) => (s.id = 'palvelu-123'), field: '/id' },
  {
    kind: 'duplicate id',
    list: 'services',
    fits: hasPhones,
    apply: (s, f) => (s.phones[0].id = f.services.find((o) => o !== s && hasPhones(o))!.phones[0].id),
    field: '/phones/0/id',
  },
  { kind: 'missing name', list: 'services', apply: (s) => delete s.name, field: '/name' },
  { kind: 'bad status', list: 'services', apply: (s) => (s.status = 'open'), field: '/status' },
  { kind: 'unknown organization_id', list: 'services', apply: (s) => (s.organization_id = OTHER_UUID), field: '/organization_id' },
  {
    kind: 'unknown taxonomy_term_id',
    list: 'services',
    apply: (s) => (s.attributes[0].taxonomy_term_id = OTHER_UUID),
    field: '/attributes/0/taxonomy_term_id',
  },
  {
    kind: 'bad Y-tunnus check digit',
    list: 'organizations',
    fits: (o) => o.organization_identifiers?.[0]?.identifier_type === 'Y-tunnus',
    apply: (o) => (o.organization_identifiers[0].identifier = wrongCheckDigit(o.organization_identifiers[0].identifier)),
    field: '/organization_identifiers/0/identifier',
  },
  { kind: 'bad byday', list: 'services', fits: hasSchedule, apply: (s) => (s.schedules[0].byday = 'MA,TI'), field: '/schedules/0/byday' },
  {
    kind: 'closes before opens',
    list: 'services',
    fits: hasSchedule,
    apply: (s) => Object.assign(s.schedules[0], { opens_at: '16:00', closes_at: '08:00' }),
    field: '/schedules/0/closes_at',
  },
  { kind: 'negative age', list: 'services', fits: (s) => s.maximum_age === undefined, apply: (s) => (s.minimum_age = -5), field: '/minimum_age' },
  {
    kind: 'maximum age below minimum age',
    list: 'services',
    apply: (s) => Object.assign(s, { minimum_age: 30, maximum_age: 18 }),
    field: '/maximum_age',
  },
  { kind: 'bad language code', list: 'services', apply: (s) => (s.languages[0].code = 'suomi'), field: '/languages/0/code' },
  {
    kind: 'unknown municipality extent',
    list: 'services',
    apply: (s) => (s.service_areas[0].extent = 'kunta:999'),
    field: '/service_areas/0/extent',
  },
  {
    kind: 'bad postal code',
    list: 'services',
    fits: hasAddress,
    apply: (s) => (s.service_at_locations[0].location.addresses[0].postal_code = '7010'),
    field: '/service_at_locations/0/location/addresses/0/postal_code',
  },
  {
    kind: 'latitude out of range',
    list: 'services',
    fits: (s) => s.service_at_locations[0]?.location.latitude !== undefined,
    apply: (s) => (s.service_at_locations[0].location.latitude = 96.5),
    field: '/service_at_locations/0/location/latitude',
  },
  {
    kind: 'wrong link_entity',
    list: 'services',
    apply: (s) => (s.attributes[0].link_entity = 'organization'),
    field: '/attributes/0/link_entity',
  },
  {
    kind: 'schedule service_id mismatch',
    list: 'services',
    fits: hasSchedule,
    apply: (s, f) => (s.schedules[0].service_id = f.services.find((o) => o !== s)!.id),
    field: '/schedules/0/service_id',
  },
  { kind: 'bad last_modified', list: 'services', apply: (s) => (s.last_modified = '16.9.2026 klo 9.30'), field: '/last_modified' },
  { kind: 'bad email', list: 'organizations', apply: (o) => (o.email = 'info(at)example.fi'), field: '/email' },
  { kind: 'bad url', list: 'services', apply: (s) => (s.url = 'www.example.fi/palvelu'), field: '/url' },
];

/** Puts each defect into a record of its own, the first that fits and is still untouched. */
function withDefects(file: Catalog): Array<{ kind: string; record: string; field: string }> {
  const used = new Set<Json>();
  const expected = DEFECTS.map((d) => {
    const list = file[d.list];
    const index = list.findIndex((r) => !used.has(r) && (d.fits?.(r) ?? true));
    const record = list[index]!;
    used.add(record);
    // Records the defects borrow from (another phone id, another service id) stay clean.
    return { d, index, record };
  });
  for (const { d, record } of expected) d.apply(record, file);
  return expected.map(({ d, index, record }) => ({ kind: d.kind, record: `${d.list}[${index}] (${record.id})`, field: d.field }));
}

/** A valid new service: a copy under a new id, its nested rows without ids (the catalog derives them). */
function newServiceLike(s: Json, id: string): Json {
  const strip = (rows: Json[]) => rows.map(({ id: _id, service_id: _sid, ...row }) => row);
  const copy = structuredClone(s);
  return {
    ...copy,
    id,
    phones: strip(copy.phones),
    schedules: strip(copy.schedules),
    languages: strip(copy.languages),
    service_areas: strip(copy.service_areas),
    service_at_locations: strip(copy.service_at_locations),
    attributes: [],
  };
}

async function databaseState(db: Parameters<typeof importCatalog>[0]) {
  const { rows } = await db.execute<Record<string, number>>(sql`select
    (select count(*)::int from services) as services,
    (select count(*)::int from organizations) as organizations,
    (select count(*)::int from attributes) as attributes,
    (select count(*)::int from taxonomies) as taxonomies,
    (select count(*)::int from taxonomy_terms) as taxonomy_terms,
    (select count(*)::int from search_outbox) as outbox,
    (select coalesce(sum(version), 0)::int from services) as service_versions,
    (select coalesce(sum(version), 0)::int from organizations) as organization_versions,
    (select md5(string_agg(name || description || status, '' order by id)) from services) as service_texts`);
  return rows[0]!;
}

t.test('a catalog with twenty kinds of defects is rejected precisely and imports nothing', async (t) => {
  const ta = await buildTestApp(t);
  await withDevCatalog(ta);
  const db = ta.app.database.db;
  const before = await databaseState(db);
  t.equal(before.services, 171);

  const file = (await loadDevCatalog()) as Catalog;
  const expected = withDefects(file);
  // Valid changes in the same file must not be written either.
  file.services.at(-1)!.name = 'Uusi nimi, jota ei saa tallentaa';
  file.services.push(newServiceLike(file.services.at(-1)!, '3a4e5f60-1b2c-4d3e-8f9a-0b1c2d3e4f50'));

  const err = await importCatalog(db, file).then(() => undefined, (e: unknown) => e);
  t.ok(err instanceof CatalogRejected, 'the import is rejected');
  const problems = (err as CatalogRejected).problems;
  t.equal(problems.length, 20, 'exactly one problem per defect');
  for (const e of expected) {
    const found = problems.filter((p) => p.record === e.record);
    t.same(found.map((p) => p.field), [e.field], `${e.kind}: ${e.record} ${e.field}`);
  }
  t.same(new Set(problems.map((p) => p.record)).size, 20, 'twenty different records');
  t.ok(problems.every((p) => p.message.length > 0));
  t.comment(`report:\n${problems.map((p: ImportProblem) => `  ${p.record} ${p.field}: ${p.message}`).join('\n')}`);

  t.same(await databaseState(db), before, 'the database is unchanged');
});

t.test('problems are reported once, at the most precise field', async (t) => {
  const ta = await buildTestApp(t);
  const db = ta.app.database.db;
  const reject = async (mutate: (f: Catalog) => void): Promise<ImportProblem[]> => {
    const file = (await loadDevCatalog()) as Catalog;
    mutate(file);
    const err = await importCatalog(db, file).then(() => undefined, (e: unknown) => e);
    return err instanceof CatalogRejected ? err.problems.map(({ record, field, message }) => ({ record, field, message })) : [];
  };

  const [org] = ((await loadDevCatalog()) as Catalog).organizations;
  const orgServices = ((await loadDevCatalog()) as Catalog).services.filter((s) => s.organization_id === org!.id).length;
  t.ok(orgServices > 0);
  const badOrg = await reject((f) => delete f.organizations[0]!.description);
  t.same(badOrg.map((p) => p.field), ['/description'], 'a bad organization is not reported again at each of its services');

  const notUuid = await reject((f) => (f.services[0]!.organization_id = 'org-1'));
  t.same(notUuid.map((p) => [p.field, p.message]), [['/organization_id', 'must match format "uuid"']], 'not "unknown organization" as well');

  const closed = await reject((f) => (f.services[0]!.status = 'suljettu'));
  t.match(closed[0]?.message, /must be one of 'active', 'temporarily closed', 'inactive', 'defunct'/);

  const nested = await reject((f) => delete f.services[0]!.phones[0].number);
  t.same(nested.map((p) => [p.field, p.message]), [['/phones/0/number', 'is required']]);

  const twice = await reject((f) => (f.services[1]!.attributes[1].taxonomy_term_id = f.services[1]!.attributes[0].taxonomy_term_id));
  t.same(twice.map((p) => p.field), ['/attributes/1/taxonomy_term_id'], 'a term linked twice');

  const badTerm = await reject((f) => (f.taxonomy_terms[0]!.taxonomy_id = '9d1f6a3e-2b7c-4e8a-9f0d-5c3b2a1e4f61'));
  t.same(badTerm.map((p) => [p.record.replace(/ .*/, ''), p.field]), [['taxonomy_terms[0]', '/taxonomy_id']]);

  const recode = await reject((f) => (f.taxonomy_terms[0]!.code = 'renamed'));
  t.same(recode.map((p) => p.field), ['/code'], "a term's code is its identity");

  const nestedOnly = await reject((f) => (f.organizations[0]!.services = [{ id: '7c4e0d85-c194-45d6-a102-8d9eafb0c1d2', name: 'Piilossa', status: 'active' }]));
  t.same(nestedOnly.map((p) => p.field), ['/services/0'], 'a service nested only in its organization would be lost');

  const notAList = await reject((f) => ((f as Json).services = {}));
  t.same(notAList, [{ record: 'file', field: '/services', message: 'must be an array' }]);
});
