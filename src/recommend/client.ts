import { readSituation } from './situation.ts';

/**
 * Who the recommendation is for: the structured profile a worker sent, completed with
 * what was read from the free text. What the profile says wins over the text.
 */

export type Urgency = 'acute' | 'soon' | 'routine';

export interface Profile {
  needs?: string[];
  urgency?: Urgency;
  municipality?: string;
  age?: number;
  language?: string;
  requires?: string[];
}

export type Source = 'profile' | 'text' | 'default';

export interface ClientNeed {
  code: string;
  /** 0..1: the first need is the main one. */
  weight: number;
  source: Source;
}

export interface Client {
  needs: ClientNeed[];
  urgency: { value: Urgency; source: Source };
  municipality?: string;
  age?: number;
  language?: string;
  requires: string[];
  targetGroups: string[];
}

/** Weights of profile needs by position: the worker lists the main need first. */
const profileWeight = (i: number) => Math.max(0.5, 1 - i * 0.15);

export function understandClient(text: string | undefined, profile: Profile = {}): Client {
  const read = text ? readSituation(text) : undefined;
  const needs: ClientNeed[] = profile.needs?.length
    ? profile.needs.map((code, i) => ({ code, weight: profileWeight(i), source: 'profile' as const }))
    : (read?.needs ?? []).map((n) => ({ code: n.code, weight: n.weight, source: 'text' as const }));
  return {
    needs,
    urgency: profile.urgency
      ? { value: profile.urgency, source: 'profile' }
      : read
        ? { value: read.urgency, source: 'text' }
        : { value: 'routine', source: 'default' },
    municipality: profile.municipality,
    age: profile.age ?? read?.age,
    language: profile.language ?? read?.language,
    requires: profile.requires ?? read?.requires ?? [],
    targetGroups: read?.targetGroups ?? [],
  };
}
