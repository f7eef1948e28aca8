import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { describeError } from '../errors.ts';
import { importCatalog, streamCatalog, CatalogRejected } from '../hsds/catalog-file.ts';
import { ROLES, type Role } from '../db/keys.ts';
import { issueKey } from '../catalog/key-commands.ts';
import { isStorableUuid } from '../schemas/formats.ts';
import { Problem } from '../problems.ts';
import { reindex } from '../search/reindex.ts';
import { serve } from '../server.ts';
import { apiDocument, withApp } from '../runtime.ts';

const USAGE = `usage: tarjotin <command> [options]

  serve                                   run the API (what npm start runs)
  migrate                                 apply the SQL migrations in migrations/
  import <file>                           load an HSDS 3.0 catalog file (idempotent)
  export [--out FILE]                     write the whole catalog to stdout, or to FILE
                                          (replaced only once the export is complete)
  reindex                                 rebuild the search index without downtime
  ptv sync [--municipality CODE]... [--area AREA]... [--base-url URL] [--full]
                                          public services from PTV (Suomi.fi Palvelutietovaranto)
  keys create --role admin|editor|reader [--org ID] [--label TEXT]
                                          print a new API key (last line of stdout); find an
                                          organization's ID with GET /v1/organizations?q=NAME
  eval --catalog F --cases F --queries F [--notes F] [--topics F] [--json] [--details]
                                          measure search and recommend quality (--details
                                          lists every query and case)
  bench [--services N] [--catalog F] [--rounds N] [--json]
                                          measure latency (N requests a measurement)
  openapi                                 print the OpenAPI document
  help, --help                            print this text

Commands that need the stores use those of a serve running on the same
TARJOTIN_DATA_DIR, wait for one that is starting, or start their own.
`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await serve(config);
      return -1; // keeps running
    case 'migrate':
      await withApp(config, async () => {});
      console.log('migrations applied');
      return 0;
    case 'import': {
      const file = rest[0];
      if (!file) throw new UsageError('import needs a file');
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
      return withApp(config, async (app) => {
        const summary = await importCatalog(app.database.db, data);
        await app.outbox.drain();
        console.log(
          `imported ${summary.organizations} organizations, ${summary.services} services, ` +
            `${summary.taxonomies} taxonomies, ${summary.taxonomy_terms} taxonomy terms`,
        );
        return 0;
      });
    }
    case 'export':
      return exportCommand(config, rest);
    case 'reindex':
      return withApp(
        config,
        async (app) => {
          const n = await reindex(app);
          await app.outbox.drain();
          console.log(`reindexed ${n} services`);
          return 0;
        },
        { stores: 'use' },
      );
    case 'keys':
      return keysCommand(config, rest);
    case 'ptv': {
      const { runPtvCommand, PtvUsageError } = await import('../ptv/command.ts');
      return runPtvCommand(config, rest).catch((err: unknown) => {
        throw err instanceof PtvUsageError ? new UsageError(err.message) : err;
      });
    }
    case 'openapi':
      process.stdout.write(`${JSON.stringify(await apiDocument(config), null, 2)}\n`);
      return 0;
    case 'eval': {
      const { runEvalCommand } = await import('../eval/command.ts');
      return runEvalCommand(config, rest);
    }
    case 'bench': {
      const { runBenchCommand } = await import('../bench/command.ts');
      return runBenchCommand(config, rest);
    }
    default:
      throw new UsageError(command ? `unknown command '${command}'` : 'no command');
  }
}

/**
 * Streams the catalog to stdout, or to `--out FILE` through a temporary file in the same
 * directory that is renamed over FILE only when complete: a reader of FILE never sees
 * half a catalog, and a failed export leaves the previous FILE as it was.
 */
async function exportCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const out = values.out;
  return withApp(config, async (app) => {
    if (!out) {
      await streamCatalog(app.database.db, process.stdout, { end: false });
      return 0;
    }
    const target = path.resolve(out);
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    // Opened here, so that an unwritable target fails before anything is read.
    const file = await fs.open(temporary, 'w', 0o644);
    const removeTemporary = () => rmSync(temporary, { force: true });
    process.once('exit', removeTemporary); // stopped by a signal midway
    try {
      await streamCatalog(app.database.db, file.createWriteStream());
      const written = await fs.open(temporary, 'r+');
      await written.sync().finally(() => written.close());
      await fs.rename(temporary, target);
    } catch (err) {
      await file.close().catch(() => {});
      removeTemporary();
      throw err;
    } finally {
      process.off('exit', removeTemporary);
    }
    return 0;
  }, { stores: 'use' });
}

async function keysCommand(config: Config, args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: 'string' }, org: { type: 'string' }, label: { type: 'string' } },
  });
  if (positionals[0] !== 'create') throw new UsageError('keys takes the subcommand create');
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new UsageError('--role must be admin, editor or reader');
  if (role === 'editor' && !values.org) throw new UsageError('an editor key needs --org <organization id>');
  if (role !== 'editor' && values.org) throw new UsageError('only editor keys belong to an organization');
  if (values.org && !isStorableUuid(values.org)) throw new UsageError(`--org must be an organization id (a UUID), not '${values.org}'`);
  return withApp(config, async (app) => {
    const key = await app.database.db
      .transaction((tx) => issueKey(tx, null, { role, organizationId: values.org, label: values.label }))
      .catch((err: unknown) => {
        throw err instanceof Problem ? new UsageError(err.detail ?? err.message) : err;
      });
    console.log(`created ${role} key ${key.id}${values.org ? ` for organization ${values.org}` : ''}; the secret is shown only now:`);
    console.log(key.secret);
    return 0;
  });
}

/** Resolves once everything written to `stream` so far has been handed to the OS (or the stream failed). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) return resolve();
    stream.write('', () => resolve());
  });
}

/** Writes what a failed command should say on stderr; returns the exit code. */
function report(err: unknown): number {
  if (err instanceof UsageError || err instanceof ConfigError) {
    console.error(`tarjotin: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (err instanceof CatalogRejected) {
    console.error(`tarjotin: the catalog was rejected; nothing was imported (${err.problems.length} ${err.problems.length === 1 ? 'problem' : 'problems'}):`);
    for (const p of err.problems) console.error(`  ${p.record} ${p.field || '/'}: ${p.message}`);
    return 1;
  }
  console.error(`tarjotin: ${describeError(err)}`);
  return 1;
}


/**
 * A command's output is complete or the command fails: the process exits only after
 * stdout and stderr have been flushed (into a pipe they are asynchronous, and exiting
 * earlier cuts the output at the pipe's buffer). `serve` keeps running.
 */
async function run(argv: string[]): Promise<void> {
  // A one-shot command stopped by a signal exits through 'exit', where the embedded stores it started are shut down too.
  if (argv[0] !== 'serve') {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(128 + os.constants.signals[signal]));
  }
  const code = await main(argv).catch(report);
  if (code < 0) return;
  // A reader that went away (EPIPE) has made the output incomplete: that is a failure.
  const outputLost = new Promise<number>((resolve) => process.stdout.once('error', () => resolve(1)));
  const flushedAll = Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => code);
  process.exit(await Promise.race([flushedAll, outputLost]));
}

void run(process.argv.slice(2));
