import { Problem } from '../plugins/problem.ts';
import { MUNICIPALITIES, findMunicipality, findWellbeingArea, type Municipality } from '../vocabulary/index.ts';

/** Which municipalities a report is about: one, a wellbeing area's, or (neither given) all. */
export interface Scope {
  municipalities: Municipality[];
  /** Service-area extents that cover someone living in one of them. */
  extents: string[];
  /** Whether the whole country was asked for (no filter on municipality). */
  whole: boolean;
}

export function resolveScope(q: { municipality?: string; area?: string }): Scope {
  if (q.municipality && q.area) throw new Problem('validation', 'give municipality or area, not both');
  let municipalities = MUNICIPALITIES;
  if (q.municipality) {
    const m = findMunicipality(q.municipality);
    if (!m) throw new Problem('validation', `unknown municipality code '${q.municipality}'`);
    municipalities = [m];
  } else if (q.area) {
    if (!findWellbeingArea(q.area)) throw new Problem('validation', `unknown wellbeing area '${q.area}'`);
    municipalities = MUNICIPALITIES.filter((m) => m.area === q.area);
  }
  const extents = new Set<string>(['FI']);
  for (const m of municipalities) {
    extents.add(`kunta:${m.code}`);
    extents.add(`hva:${m.area}`);
  }
  return { municipalities, extents: [...extents], whole: !q.municipality && !q.area };
}

export type Reach = 'local' | 'regional' | 'national';

/** How a service offered in `extents` reaches a resident of `m`: the closest of its areas, or not at all. */
export function reachOf(extents: string[], m: Municipality): Reach | undefined {
  if (extents.includes(`kunta:${m.code}`)) return 'local';
  if (extents.includes(`hva:${m.area}`)) return 'regional';
  if (extents.includes('FI')) return 'national';
  return undefined;
}
