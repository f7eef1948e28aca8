import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { runEval, type EvalReport } from './run.ts';

/** `tarjotin eval --catalog F --cases F --queries F [--notes F] [--topics F] [--at TIME] [--json] [--details]` */
export async function runEvalCommand(_config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      catalog: { type: 'string' },
      cases: { type: 'string' },
      queries: { type: 'string' },
      notes: { type: 'string' },
      topics: { type: 'string' },
      at: { type: 'string' },
      json: { type: 'boolean', default: false },
      details: { type: 'boolean', default: false },
    },
  });
  if (!values.catalog || !values.cases || !values.queries) {
    throw new Error('eval needs --catalog, --cases and --queries');
  }
  const at = values.at === undefined ? new Date() : new Date(values.at);
  if (Number.isNaN(at.getTime())) throw new Error(`--at is not a time: ${values.at}`);
  const report = await runEval({
    catalog: values.catalog,
    cases: values.cases,
    queries: values.queries,
    ...(values.notes ? { notes: values.notes } : {}),
    ...(values.topics ? { topics: values.topics } : {}),
  }, at);
  printReport(report, values.details);
  if (values.json) {
    const { details: _d, ...figures } = report;
    console.log(JSON.stringify(figures));
  }
  return 0;
}

function printReport(r: EvalReport, details: boolean): void {
  const row = (label: string, s: object) =>
    console.log(`${label.padEnd(32)} ${Object.entries(s).map(([k, v]) => `${k}=${Number.isInteger(v) ? v : (v as number).toFixed(3)}`).join('  ')}`);
  console.log(`${r.queries} queries, ${r.cases} cases, at ${r.at}`);
  row('search', r.search);
  row('  baseline meilisearch (plain)', r.baselines.meilisearch_plain.search);
  row('  baseline postgres fts', r.baselines.postgres_fts.search);
  row('recommend (text + profile)', r.recommend);
  row('recommend (text only)', r.recommend_text);
  row('  baseline: case text as query', r.baselines.meilisearch_plain.recommend);
  row('reader on the case texts', r.reader.cases);
  if (r.reader.notes) row('reader on the labelled notes', r.reader.notes);
  if (r.precision) row('search precision (topic queries)', r.precision);
  if (details) {
    for (const q of r.details.queries) console.log(`  query ${q.id} ndcg5=${q.ndcg5.toFixed(3)}`);
    for (const c of r.details.cases) console.log(`  case ${c.id} full=${c.full.toFixed(3)} text=${c.text.toFixed(3)}`);
    for (const t of r.details.topics) console.log(`  topic "${t.q}" precision20=${t.precision20.toFixed(3)} total_precision=${t.total_precision.toFixed(3)} total=${t.total}`);
  }
}
