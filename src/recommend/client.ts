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
  /** False when the client speaks little or no Finnish. */
  speaks_finnish?: boolean;
  /** True when the client has used violence against someone close (and seeks help to stop). */
  uses_violence?: boolean;
  /** True when the client is the one who drinks, uses drugs or gambles (not only a relative of one). */
  own_use?: boolean;
  requires?: string[];
}

export type Source = 'profile' | 'text' | 'default';

export interface ClientNeed {
  code: string;
  /** 0..1: the first need is the main one. */
  weight: number;
  source: Source;
  /** Lexicon cue ids the need was read from (empty for profile needs). */
  evidence: string[];
}

/** A value the recommendation used, and where it came from, so a worker can correct it. */
export interface Read<T> {
  value: T;
  source: Source;
}

export interface Client {
  needs: ClientNeed[];
  urgency: { value: Urgency; source: Source };
  municipality?: string;
  age?: number;
  language?: string;
  /**
   * Whether the client manages in Finnish. What matters is a Swedish speaker's: the
   * profile or the note may say; otherwise a Swedish speaker is served in Swedish, as a
   * service is usable in the languages it lists. Everyone else is assumed to.
   */
  speaksFinnish: Read<boolean>;
  /** Whether the client is the one using violence: false unless the profile or the note says so. */
  usesViolence: Read<boolean>;
  /** Whether the client is the one who drinks, uses drugs or gambles: false unless the profile or the note says so. */
  ownUse: Read<boolean>;
  requires: string[];
  targetGroups: string[];
  /** Kinds of service the text asks for (`service_type` codes): ranked a little higher. */
  wants: string[];
  /** Where age, language and access requirements came from. */
  sources: { age?: Source; language?: Source; requires: Source };
}

/** Weights of profile needs by position: the worker lists the main need first. */
const profileWeight = (i: number) => Math.max(0.5, 1 - i * 0.15);

export function understandClient(text: string | undefined, profile: Profile = {}): Client {
  const read = text ? readSituation(text) : undefined;
  const needs: ClientNeed[] = profile.needs?.length
    ? profile.needs.map((code, i) => ({ code, weight: profileWeight(i), source: 'profile' as const, evidence: [] }))
    : (read?.needs ?? []).map((n) => ({ code: n.code, weight: n.weight, source: 'text' as const, evidence: n.cues }));
  const language = pick(profile.language, read?.language);
  // A note that does not name the client's language is taken to be in it (fi or sv).
  const written = language ? undefined : read?.writtenIn;
  const defaultLanguage = written === 'fi' || written === 'sv' ? written : undefined;
  const age = pick(profile.age, read?.age);
  const clientLanguage = language?.value ?? defaultLanguage;
  const speaksFinnish = pick(profile.speaks_finnish, read?.finnish ? read.finnish === 'fluent' : undefined) ?? {
    value: clientLanguage !== 'sv',
    source: 'default' as const,
  };
  const usesViolence = pick(profile.uses_violence, read?.usesViolence) ?? { value: false, source: 'default' as const };
  const requires = pick(profile.requires, read && read.requires.length > 0 ? read.requires : undefined);
  return {
    needs,
    urgency: profile.urgency
      ? { value: profile.urgency, source: 'profile' }
      : read
        ? { value: read.urgency, source: 'text' }
        : { value: 'routine', source: 'default' },
    municipality: profile.municipality,
    age: age?.value,
    language: clientLanguage,
    speaksFinnish,
    usesViolence,
    ownUse: pick(profile.own_use, read?.ownUse) ?? { value: false, source: 'default' as const },
    requires: requires?.value ?? [],
    targetGroups: read?.targetGroups ?? [],
    wants: read?.wants ?? [],
    sources: {
      ...(age ? { age: age.source } : {}),
      ...(language ? { language: language.source } : defaultLanguage ? { language: 'default' as const } : {}),
      requires: requires?.source ?? 'default',
    },
  };
}

/** The profile's value wins over the text's. */
function pick<T>(fromProfile: T | undefined, fromText: T | undefined): Read<T> | undefined {
  if (fromProfile !== undefined) return { value: fromProfile, source: 'profile' };
  if (fromText !== undefined) return { value: fromText, source: 'text' };
  return undefined;
}
