import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { withApp } from '../runtime.ts';
import { MUNICIPALITIES, WELLBEING_AREAS, findMunicipality } from '../vocabulary/index.ts';
import { PtvUnavailable } from './http-client.ts';
import { syncPtv, type SyncSummary } from './sync.ts';
import { v11Source } from './v11/source.ts';

/** Bad arguments: main prints the usage. */
export class PtvUsageError extends Error {}

/**
 * `tarjotin ptv sync [--municipality CODE]... [--area AREA]... [--base-url URL] [--full]`:
 * the municipalities' public services from PTV into the catalog. A progress line per
 * page goes to a terminal's stderr; the summary to stdout.
 */
export async function runPtvCommand(config: Config, args: string[]): Promise<number> {
  const { positionals, values } = parseArgsOrUsage(args);
  if (positionals[0] !== 'sync' || positionals.length > 1) throw new PtvUsageError('ptv takes the subcommand sync');
  const municipalities = selectedMunicipalities(values.municipality ?? [], values.area ?? []);
  const baseUrl = values['base-url'] ?? config.ptv.baseUrl;
  if (!/^https?:\/\/[^/]/.test(baseUrl)) throw new PtvUsageError('--base-url must be an http(s) address');
  const progress = progressLine();
  return withApp(config, async (app) => {
    try {
      const summary = await syncPtv(app.database.db, {
        municipalities,
        full: values.full ?? false,
        read: v11Source({ ...config.ptv, baseUrl }),
        progress: progress.show,
      });
      progress.done();
      await app.outbox.drain();
      console.log(describeSummary(summary, municipalities));
      return 0;
    } catch (err) {
      progress.done();
      const why = err instanceof PtvUnavailable ? err.message : `the catalog could not be written: ${(err as Error).message}`;
      throw new Error(`ptv sync failed; nothing was written. ${why}`, { cause: err });
    }
  });
}

function parseArgsOrUsage(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        municipality: { type: 'string', multiple: true },
        area: { type: 'string', multiple: true },
        'base-url': { type: 'string' },
        full: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new PtvUsageError((err as Error).message);
  }
}

/** Municipality codes of `--municipality` and of the wellbeing areas of `--area`, each once. */
export function selectedMunicipalities(codes: string[], areas: string[]): string[] {
  const out = new Set<string>();
  for (const raw of codes) {
    const code = raw.trim().padStart(3, '0');
    if (!/^[0-9]{3}$/.test(code) || !findMunicipality(code)) throw new PtvUsageError(`unknown municipality code '${raw}'`);
    out.add(code);
  }
  for (const raw of areas) {
    const wanted = raw.trim().toLowerCase();
    const area = WELLBEING_AREAS.find((a) => a.slug === wanted || Object.values(a.labels).some((l) => l.toLowerCase() === wanted));
    if (!area) throw new PtvUsageError(`unknown wellbeing area '${raw}' (give its slug, e.g. pohjois-savo, or its name)`);
    for (const m of MUNICIPALITIES) if (m.area === area.slug) out.add(m.code);
  }
  if (out.size === 0) throw new PtvUsageError('ptv sync needs --municipality CODE or --area AREA');
  return [...out].sort();
}

function describeSummary(s: SyncSummary, municipalities: string[]): string {
  const lines = [
    `ptv sync (${s.mode === 'full' ? 'full' : `changes since ${s.since}`}) of ${municipalities.length} municipalities: ` +
      `${s.services_read} services read; ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ` +
      `${s.ended} ended; ${s.organizations_written} organizations written; ${s.requests} requests`,
    ...s.skipped.map((k) => `  skipped ${k.id}: ${k.reason}`),
  ];
  return lines.join('\n');
}

function progressLine() {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  return {
    show: (line: string) => {
      if (!tty) return;
      process.stderr.write(`\r\x1b[K${line}`);
      shown = true;
    },
    done: () => {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
