import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import t from 'tap';
import { bearer, buildTestApp } from '../helpers/app.ts';
import { ADMIN_SECRET, createOrganization, createService } from '../routes/v1/fixtures/write-side.ts';

/**
 * What the counters keep of a client: after recommends and referrals that carry a unique
 * marker, the marker is in no table, no log line (at trace level) and no metric, and
 * the counters hold nothing finer than a month.
 */

t.test('a marker sent in client text is nowhere afterwards', async (t) => {
  const marker = `Asiakasmerkki${randomBytes(8).toString('hex')}`;
  const lines: string[] = [];
  const logStream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET, LOG_LEVEL: 'trace' }, logStream });
  const { app } = ta;
  const org = await createOrganization(app);
  const service = await createService(app, org.id, { name: 'Velkaneuvonta' });
  await ta.indexed();
  const key = await ta.key('reader');

  const text = `${marker} on 42-vuotias, asuu Kuopiossa, velkoja ulosotossa ja pelaa öisin. Henkilötunnus 010180-123A.`;
  const recommends = [
    { text, profile: { municipality: '297' } },
    { text, profile: { municipality: '297', needs: ['debt'], urgency: 'acute', age: 42 } },
    { text: `${marker} ${marker}`, profile: { municipality: '686', language: 'fi' } },
    // Refused: the marker must not come back in the problem either.
    { text, profile: { municipality: '297', needs: [marker.toLowerCase()] } },
  ];
  const statuses: number[] = [];
  for (const payload of recommends) {
    const res = await app.inject({ method: 'POST', url: '/v1/recommend', payload });
    statuses.push(res.statusCode);
    t.notOk(res.body.includes(marker), 'the answer does not echo the text');
  }
  t.same(statuses, [200, 200, 200, 400]);
  const referrals = [
    { service_id: service.id, municipality: '297', needs: ['debt'] },
    { service_id: service.id, municipality: '297', needs: ['debt'], note: marker },
    { service_id: service.id, municipality: '297', client: { name: marker } },
    { service_id: service.id, municipality: marker },
  ];
  const referralStatuses: number[] = [];
  for (const payload of referrals) {
    const res = await app.inject({ method: 'POST', url: '/v1/referrals', headers: bearer(key), payload });
    referralStatuses.push(res.statusCode);
    t.notOk(res.body.includes(marker), 'the answer does not echo it');
  }
  t.same(referralStatuses, [202, 400, 400, 400]);
  await app.inject({ url: `/v1/reports/demand?area=${marker.toLowerCase()}`, headers: bearer(key) });
  await app.demandCounter.settled();
  t.ok(lines.length > 10, `${lines.length} log lines captured at trace level`);

  t.test('no table holds it', async (t) => {
    const { rows: tables } = await app.database.pool.query<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    );
    t.ok(tables.some((x) => x.name === 'demand_counts') && tables.some((x) => x.name === 'referral_counts'), `${tables.length} tables scanned`);
    for (const { schema, name } of tables) {
      const { rows } = await app.database.pool.query(`select count(*)::int as n from "${schema}"."${name}" x where lower(x::text) like '%' || lower($1) || '%'`, [marker]);
      t.equal(rows[0].n, 0, `${schema}.${name}`);
    }
    const { rows: counted } = await app.database.pool.query('select sum(requests)::int as n from demand_counts');
    t.ok(counted[0].n >= 3, 'the recommends were counted');
  });

  t.test('no log line holds it', async (t) => {
    const hits = lines.filter((l) => l.toLowerCase().includes(marker.toLowerCase()));
    t.same(hits, []);
  });

  t.test('no metric holds it', async (t) => {
    const metrics = await app.inject({ url: '/metrics' });
    t.equal(metrics.statusCode, 200);
    t.notOk(metrics.body.toLowerCase().includes(marker.toLowerCase()));
  });

  t.test('the counters hold no cell finer than a month and nothing of the client', async (t) => {
    const { rows: columns } = await app.database.pool.query<{ table_name: string; column_name: string; data_type: string }>(
      `select table_name, column_name, data_type from information_schema.columns
       where table_name in ('demand_counts', 'referral_counts') order by table_name, ordinal_position`,
    );
    t.same(columns.map((c) => `${c.table_name}.${c.column_name}:${c.data_type}`), [
      'demand_counts.month:text',
      'demand_counts.municipality:text',
      'demand_counts.need:text',
      'demand_counts.urgency:text',
      'demand_counts.found_local:boolean',
      'demand_counts.found_any:boolean',
      'demand_counts.requests:integer',
      'referral_counts.month:text',
      'referral_counts.service_id:uuid',
      'referral_counts.municipality:text',
      'referral_counts.need:text',
      'referral_counts.referrals:integer',
    ], 'no time stamp, text, age or request id column');
    const { rows } = await app.database.pool.query("select month from demand_counts union all select month from referral_counts");
    t.ok(rows.length > 0);
    for (const r of rows) t.match(r.month, /^[0-9]{4}-[0-9]{2}$/);
    for (const finer of ['2026-11-27', '2026-11-27T10:00', '2026-W48']) {
      await t.rejects(
        app.database.pool.query("insert into demand_counts values ($1, '297', 'debt', 'routine', true, true, 1)", [finer]),
        `a month of ${finer} is refused by the table`,
      );
    }
  });
});
