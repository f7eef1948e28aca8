import fs from 'node:fs/promises';
import path from 'node:path';
import t from 'tap';
import { connect } from '../../src/db/client.ts';
import { exportCatalog } from '../../src/hsds/catalog-file.ts';
import { DEV_CATALOG, tempDir } from '../helpers/app.ts';
import { BIN, SLOW_READER, embeddedPids, gone, quote, shell, startServe } from '../helpers/processes.ts';

/**
 * `tarjotin export` is whole whatever stdout is: piped through a slow reader (a full
 * pipe, the case that used to lose all but the first 64 KiB) it gives the same bytes as
 * `--out FILE`, with and without `serve` running on the same data dir, and those bytes
 * are the catalog file the in-memory export describes. Other commands' output through a
 * slow pipe is whole too.
 */

t.test('export through a slow pipe equals the file export, with and without serve', async (t) => {
  const dir = await tempDir();
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  const env = { TARJOTIN_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' };
  const node = quote(process.execPath);
  const run = (args: string) => shell(`${node} ${quote(BIN)} ${args}`, env);
  const piped = (args: string, file: string) =>
    shell(`${node} ${quote(BIN)} ${args} | ${node} ${quote(SLOW_READER)} > ${quote(file)}`, env);

  const imported = await run(`import ${quote(DEV_CATALOG)}`);
  t.equal(imported.code, 0, imported.stderr);

  const exportBoth = async (label: string) => {
    const viaPipe = path.join(dir, `${label}-piped.json`);
    const viaFile = path.join(dir, `${label}-file.json`);
    const p = await piped('export', viaPipe);
    t.equal(p.code, 0, `${label}: piped export succeeds ${p.stderr}`);
    const f = await run(`export --out ${quote(viaFile)}`);
    t.equal(f.code, 0, `${label}: file export succeeds ${f.stderr}`);
    const [a, b] = [await fs.readFile(viaPipe), await fs.readFile(viaFile)];
    t.ok(a.length > 1_000_000, `${label}: the catalog is over a megabyte (${a.length} bytes), far beyond a pipe's buffer`);
    t.ok(a.equals(b), `${label}: piped and file exports are byte-identical`);
    t.same((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp')), [], `${label}: no temporary file is left`);
    return b;
  };

  const standalone = await exportBoth('standalone');
  t.same(await embeddedPids(env.TARJOTIN_DATA_DIR).then((p) => p.postgres ?? p.meilisearch), undefined, 'the commands stopped the stores they started');

  const served = await startServe(t, env);
  const withServe = await exportBoth('serve');
  t.ok(withServe.equals(standalone), 'the export is the same with serve running');

  // The streamed bytes are those of the whole-catalog export (the format round-trip tests check).
  const instance = JSON.parse(await fs.readFile(path.join(env.TARJOTIN_DATA_DIR, 'instance.json'), 'utf8')) as { databaseUrl: string };
  const database = connect(instance.databaseUrl, 1);
  t.teardown(() => database.close());
  const expected = `${JSON.stringify(await exportCatalog(database.db), null, 2)}\n`;
  t.equal(withServe.toString('utf8'), expected, 'identical to JSON.stringify of the catalog file, indented by two');
  t.equal(JSON.parse(expected).services.length, 171);

  const openapiPiped = path.join(dir, 'openapi-piped.json');
  t.equal((await piped('openapi', openapiPiped)).code, 0);
  const openapi = await fs.readFile(openapiPiped, 'utf8');
  t.ok(openapi.length > 64 * 1024, `the OpenAPI document is larger than a pipe's buffer (${openapi.length} bytes)`);
  t.doesNotThrow(() => JSON.parse(openapi), 'openapi through a slow pipe is whole');

  const pids = await embeddedPids(env.TARJOTIN_DATA_DIR);
  served.child.kill('SIGTERM');
  t.equal(await served.exited, 0);
  t.ok(await gone(pids.postgres!), 'PostgreSQL stopped with serve');
});

t.test('an export that cannot be written fails and leaves the target as it was', async (t) => {
  const dir = await tempDir();
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }));
  const env = { TARJOTIN_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' };
  const node = quote(process.execPath);
  // A reader that stops after the first bytes: the rest of the output cannot be delivered.
  const cut = await shell(`${node} ${quote(BIN)} export | head -c 10 > /dev/null`, env);
  t.not(cut.code, 0, 'the command fails when its output cannot be delivered');
  const missing = await shell(`${node} ${quote(BIN)} export --out ${quote(path.join(dir, 'no-such-dir', 'x.json'))}`, env);
  t.not(missing.code, 0, 'an unwritable target fails the command');
  t.match(missing.stderr, /^tarjotin: /m, 'and says why');
});
