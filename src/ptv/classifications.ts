import { readSituation } from '../recommend/situation.ts';

/**
 * PTV's classifications → the catalog's taxonomy. Service classes (ptvserclass2) and
 * target groups (ptvkohderyhmat) are matched on their code; docs/ptv.md has these
 * tables. Where a class is too coarse to tell a need (P4.13 "social service advisory
 * and guidance" covers adult social work, crisis help and domestic violence alike), the
 * service's own name, summary and ontology terms are read with the situation reader.
 */

interface ClassTerms {
  needs?: string[];
  service_types?: string[];
  access?: string[];
  /** Says the domain but not the need: the texts decide. */
  coarse?: boolean;
}

export const SERVICE_CLASSES: Record<string, ClassTerms> = {
  'P1': { needs: ['housing'] },
  'P1.1': { needs: ['housing'] },
  'P1.4': { needs: ['housing', 'income'], service_types: ['financial_aid'] },
  'P3': { needs: ['family'], coarse: true },
  'P3.1': { needs: ['family'], service_types: ['counseling'] },
  'P3.5': { needs: ['family', 'legal'] },
  'P3.6': { needs: ['family', 'child_youth'], coarse: true },
  'P3.7': { needs: ['family', 'child_youth'], service_types: ['counseling'] },
  'P3.8': { needs: ['child_youth', 'family'] },
  'P3.9': { needs: ['family', 'income'] },
  'P4': { coarse: true },
  'P4.1': { needs: ['housing'], service_types: ['housing_service'] },
  'P4.2': { needs: ['elderly'] },
  'P4.3': { needs: ['elderly'], access: ['home_visit'] },
  'P4.4': { needs: ['disability'] },
  'P4.5': { needs: ['disability'] },
  'P4.7': { needs: ['disability'] },
  'P4.8': { needs: ['employment'] },
  'P4.9': { needs: ['child_youth'] },
  'P4.10': { needs: ['income'], service_types: ['financial_aid'] },
  'P4.11': { needs: ['immigration'] },
  'P4.12': { service_types: ['peer_support'], coarse: true },
  'P4.13': { service_types: ['advice'], coarse: true },
  'P4.14': { coarse: true },
  'P5.5': { needs: ['crisis'], service_types: ['crisis_help'] },
  'P5.7': { needs: ['mental_health', 'substance'], coarse: true },
  'P5.13': { service_types: ['rehabilitation'], coarse: true },
  'P5.14': { needs: ['caregiver'] },
  'P5.16': { service_types: ['peer_support'], coarse: true },
  'P5.17': { service_types: ['advice'], coarse: true },
  'P7': { needs: ['legal'] },
  'P7.4': { needs: ['legal'], service_types: ['legal_aid'] },
  'P7.11': { needs: ['legal'] },
  'P10': { needs: ['employment'] },
  'P10.4': { needs: ['employment'], service_types: ['rehabilitation'] },
  'P10.6': { needs: ['employment', 'income'], service_types: ['financial_aid'] },
  'P13': { needs: ['income'] },
  'P13.3': { needs: ['income', 'disability'] },
  'P15': { needs: ['debt'] },
  'P15.1': { needs: ['debt'], service_types: ['advice'] },
  'P15.3': { needs: ['debt'] },
  'P15.5': { needs: ['debt'] },
  'P22': { needs: ['immigration'] },
  'P28': { needs: ['child_youth'] },
  'P28.4': { needs: ['child_youth'] },
  'P28.5': { needs: ['child_youth'], service_types: ['advice'] },
};

/** KR1 "Kansalaiset" (citizens) and the business and authority groups say nothing about who is served. */
export const TARGET_GROUPS: Record<string, string[]> = {
  'KR1.1': ['older_people'],
  'KR1.2': ['families', 'children'],
  'KR1.3': ['youth'],
};

export interface ClassifiedTerms {
  needs: string[];
  service_types: string[];
  target_groups: string[];
  access: string[];
}

export interface ServiceTexts {
  /** Finnish (base) texts of the service. */
  name: string;
  summary: string;
  description: string;
  /** Finnish labels of the service's ontology terms. */
  ontologyTerms: string[];
}

const unique = (xs: string[]) => [...new Set(xs)];

function needWeights(text: string): Map<string, number> {
  return new Map(text.trim() ? readSituation(text).needs.map((n) => [n.code, n.weight] as const) : []);
}

/** A need the name says clearly (one clear cue) decides the main need. */
const CLEAR_IN_NAME = 0.75;

/**
 * Needs, ranked so the main need comes first:
 * - a specific class's needs are always taken;
 * - a coarse class's needs only when the texts confirm them (all of them when the texts
 *   confirm none: P5.7 without a word of either is both);
 * - needs the texts speak of are added when a class is coarse or no class says a need.
 * The rank adds up a clear mention in the name, how surely the texts speak of the need
 * and whether a specific class gives it.
 */
export function classify(classCodes: string[], targetGroupCodes: string[], texts: ServiceTexts): ClassifiedTerms {
  const known = classCodes.flatMap((c) => SERVICE_CLASSES[c] ?? []);
  const specific = unique(known.filter((k) => !k.coarse).flatMap((k) => k.needs ?? []));
  const coarse = unique(known.filter((k) => k.coarse).flatMap((k) => k.needs ?? []));
  const inName = needWeights(texts.name);
  const inTexts = needWeights([texts.name, texts.summary, texts.description, ...texts.ontologyTerms].join('. '));
  const confirmed = coarse.filter((n) => inTexts.has(n));
  const readTexts = known.length === 0 || specific.length === 0 || known.some((k) => k.coarse);
  const candidates = unique([
    ...specific,
    ...(confirmed.length > 0 ? confirmed : coarse),
    ...(readTexts ? [...inTexts.keys()] : []),
  ]);
  const rank = (n: string) =>
    ((inName.get(n) ?? 0) >= CLEAR_IN_NAME ? (inName.get(n) ?? 0) : 0) +
    (inTexts.get(n) ?? 0) +
    (specific.includes(n) ? 0.5 : 0) +
    (coarse.includes(n) ? 0.25 : 0);
  const needs = candidates
    .map((n, i) => ({ n, i, r: rank(n) }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .map((x) => x.n);
  return {
    needs,
    service_types: unique(known.flatMap((k) => k.service_types ?? [])),
    target_groups: unique(targetGroupCodes.flatMap((c) => TARGET_GROUPS[c] ?? [])),
    access: unique(known.flatMap((k) => k.access ?? [])),
  };
}
