import { Problem } from '../problems.ts';
import { MUNICIPALITIES, findMunicipality, findWellbeingArea, type Municipality } from '../vocabulary/index.ts';

/** Which municipalities a report is about: one, a wellbeing area's, or (neither given) all. */
export interface Scope {
  municipalities: Municipality[];
  /** Service-area extents that cover someone living in one of them. */
  extents: string[];
  /** Codes of the municipalities. */
  codes: Set<string>;
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
  return { municipalities, extents: [...extents], codes: new Set(municipalities.map((m) => m.code)), whole: !q.municipality && !q.area };
}

export type Reach = 'local' | 'regional' | 'national';

const RANK: Record<Reach, number> = { local: 0, regional: 1, national: 2 };

/**
 * The scope's municipalities whose residents a service offered in `extents` reaches,
 * each at the closest of its areas (its own municipality, its wellbeing area, the country).
 */
export function reachedMunicipalities(extents: string[], scope: Scope): Map<string, Reach> {
  const reached = new Map<string, Reach>();
  const reach = (code: string, r: Reach) => {
    const had = reached.get(code);
    if (!had || RANK[r] < RANK[had]) reached.set(code, r);
  };
  for (const e of extents) {
    if (e.startsWith('kunta:') && scope.codes.has(e.slice(6))) reach(e.slice(6), 'local');
  }
  for (const e of extents) {
    if (e.startsWith('hva:')) for (const m of scope.municipalities) if (m.area === e.slice(4)) reach(m.code, 'regional');
  }
  if (extents.includes('FI')) for (const m of scope.municipalities) reach(m.code, 'national');
  return reached;
}
