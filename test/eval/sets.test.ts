import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import t from 'tap';
import { findMunicipality, findTerm } from '../../src/vocabulary/index.ts';
import { loadDevCatalog } from '../helpers/app.ts';

/**
 * The evaluation sets of our own (eval/) are data that `tarjotin eval` trusts: every id
 * unique, every code a code of the vocabulary, every judged service one of the catalog's.
 */

const EVAL_DIR = path.join(import.meta.dirname, '..', '..', 'eval');

interface Note { id: string; text: string; needs: string[]; urgency: string; municipality?: string }
interface Case { id: string; text: string; profile: { needs: string[]; urgency: string; municipality: string; requires?: string[] }; judgments: Record<string, number>; unavailable?: string[] }
interface Query { id: string; q: string; filters?: { municipality?: string }; judgments: Record<string, number> }

async function files(): Promise<string[]> {
  return (await readdir(EVAL_DIR)).filter((f) => f.endsWith('.json')).map((f) => path.join(EVAL_DIR, f));
}

t.test('the evaluation sets are well-formed', async (t) => {
  const catalog = (await loadDevCatalog()) as { services: Array<{ id: string; status: string }> };
  const status = new Map(catalog.services.map((s) => [s.id, s.status]));
  const list = await files();
  t.ok(list.some((f) => f.endsWith('cases.json')) && list.some((f) => f.endsWith('queries.json')), 'cases and queries exist');
  const urgencies = ['acute', 'soon', 'routine'];
  for (const file of list) {
    const name = path.relative(EVAL_DIR, file);
    const items = JSON.parse(await readFile(file, 'utf8')) as Array<Record<string, unknown>>;
    t.ok(Array.isArray(items) && items.length > 0, `${name} has items`);
    if (name.endsWith('topics.json')) continue;
    const ids = items.map((i) => i.id);
    t.equal(new Set(ids).size, ids.length, `${name}: ids unique`);
    const bad: string[] = [];
    const needs = (codes: string[], where: string) => codes.forEach((c) => findTerm('need', c) || bad.push(`${where}: need ${c}`));
    const place = (code: string | undefined, where: string) => code === undefined || findMunicipality(code) || bad.push(`${where}: municipality ${code}`);
    const judged = (j: Record<string, number>, where: string) =>
      Object.entries(j).forEach(([id, g]) => (status.has(id) && [1, 2, 3].includes(g)) || bad.push(`${where}: judgment ${id}=${g}`));
    for (const item of items) {
      const where = `${name} ${String(item.id)}`;
      if ('profile' in item) {
        const c = item as unknown as Case;
        needs(c.profile.needs, where);
        place(c.profile.municipality, where);
        if (!urgencies.includes(c.profile.urgency)) bad.push(`${where}: urgency`);
        (c.profile.requires ?? []).forEach((a) => findTerm('access', a) || bad.push(`${where}: access ${a}`));
        judged(c.judgments, where);
        (c.unavailable ?? []).forEach((id) => (status.has(id) && !(id in c.judgments)) || bad.push(`${where}: unavailable ${id}`));
      } else if ('q' in item) {
        const q = item as unknown as Query;
        place(q.filters?.municipality, where);
        judged(q.judgments, where);
      } else {
        const n = item as unknown as Note;
        needs(n.needs, where);
        place(n.municipality, where);
        if (!urgencies.includes(n.urgency) || !n.text) bad.push(`${where}: urgency or text`);
      }
    }
    t.same(bad, [], `${name}: codes, places and judged services are known`);
  }
});
