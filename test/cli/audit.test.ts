import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { bearer, buildTestApp, DEV_CATALOG } from '../helpers/app.ts';
import { ADMIN_SECRET, createOrganization } from '../routes/v1/fixtures/write-side.ts';

/**
 * The command line writes through the same application layer as the API: a key made
 * with `tarjotin keys create` and a catalog loaded with `tarjotin import` are in the
 * audit log like their HTTP counterparts.
 */

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/tarjotin.js');

interface AuditRow {
  action: string;
  entity: string;
  entity_id: string;
  organization_id: string | null;
  key_id: string | null;
  changes: unknown;
}

t.test('command-line writes are audited like the API', async (t) => {
  const ta = await buildTestApp(t, { env: { TARJOTIN_ADMIN_KEY: ADMIN_SECRET }, worker: false });
  const { app, backends } = ta;
  const env = { ...process.env, DATABASE_URL: backends.databaseUrl, MEILI_URL: backends.meiliUrl, MEILI_MASTER_KEY: backends.meiliKey ?? '', LOG_LEVEL: 'warn' };
  const org = await createOrganization(app);
  const auditOf = async (entityId: string) =>
    (await app.database.pool.query<AuditRow>('select action, entity, entity_id, organization_id, key_id, changes from audit_log where entity_id = $1', [entityId])).rows;

  const viaApi = await app.inject({ method: 'POST', url: '/v1/keys', headers: bearer(ADMIN_SECRET), payload: { role: 'editor', organization_id: org.id, label: 'sama' } });
  t.equal(viaApi.statusCode, 201);
  const cli = await run(process.execPath, [BIN, 'keys', 'create', '--role', 'editor', '--org', org.id, '--label', 'sama'], { env });
  const cliKeyId = /key ([0-9a-f-]{36})/.exec(cli.stdout)?.[1];
  t.ok(cliKeyId, 'the command names the new key');
  const [apiEntry] = await auditOf(viaApi.json().id);
  const [cliEntry] = await auditOf(cliKeyId!);
  t.ok(cliEntry, 'keys create writes an audit entry');
  t.same({ ...cliEntry, entity_id: '', key_id: null }, { ...apiEntry, entity_id: '', key_id: null }, 'the same entry as POST /v1/keys');
  t.equal(cliEntry?.key_id, null, 'with no key id: an operator at the command line');

  const refused = await run(process.execPath, [BIN, 'keys', 'create', '--role', 'editor', '--org', 'urn:uuid:x'], { env }).catch((err: { code: number; stderr: string }) => err);
  t.equal((refused as { code: number }).code, 2, 'a malformed --org is a usage error');

  await run(process.execPath, [BIN, 'import', DEV_CATALOG], { env });
  const imported = (await app.database.pool.query<{ n: number; entity: string }>("select entity, count(*)::int as n from audit_log where action = 'import' group by entity order by entity")).rows;
  t.same(imported, [{ entity: 'organization', n: 62 }, { entity: 'service', n: 171 }], 'the import is audited, one entry per record');
  await run(process.execPath, [BIN, 'import', DEV_CATALOG], { env });
  const again = (await app.database.pool.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'import'")).rows[0]?.n;
  t.equal(again, 62 + 171, 'importing the same file again changes nothing and writes no entry');
});
