import { findMunicipality } from '../vocabulary/index.ts';
import type { SearchDocument } from '../search/document.ts';
import type { SearchFilters } from '../search/query.ts';
import type { Client } from './client.ts';
import { ADULT_AGE } from './situation.ts';

/**
 * Whether this client can use a service at all. Area, age and status are filters of the
 * index query; language and target groups are decided here.
 *
 * A service is usable in the languages it lists. A Swedish speaker whom the note or the
 * profile says manages in Finnish may also use Finnish-language services, ranked after
 * Swedish ones; others are served in Swedish. A client who speaks none of the service's
 * languages can use it only when it arranges interpretation (HSDS
 * `interpretation_services`, which public authorities must do by law); NGO groups,
 * helplines and peer support that do not list the client's language are not usable. An
 * interpreter never makes a Swedish-only service or one for speakers of immigrants'
 * languages a Finnish speaker's service.
 */

export function eligibilityFilters(client: Client): SearchFilters {
  return {
    ...(client.municipality && findMunicipality(client.municipality) ? { municipality: client.municipality } : {}),
    ...(client.age !== undefined ? { age: client.age } : {}),
  };
}

/**
 * - `native`: the service serves in the client's language;
 * - `fallback`: a Swedish speaker at a Finnish-language service;
 * - `interpreted`: usable only through the interpretation the service arranges;
 * - `none`: not usable by this client.
 */
export type LanguageFit = 'native' | 'fallback' | 'interpreted' | 'none';

export interface LanguageOffer {
  languages: string[];
  interpretation?: boolean;
}

/** A Swedish speaker may use Finnish-language services when they manage in Finnish. */
export function languageFit(service: LanguageOffer, clientLanguage: string | undefined, speaksFinnish = true): LanguageFit {
  const { languages } = service;
  if (!clientLanguage || languages.length === 0 || languages.includes(clientLanguage)) return 'native';
  if (clientLanguage === 'fi') return 'none';
  if (clientLanguage === 'sv' && speaksFinnish) return languages.includes('fi') ? 'fallback' : 'none';
  return service.interpretation && languages.includes('fi') ? 'interpreted' : 'none';
}

export type Locality = 'municipality' | 'wellbeing_area' | 'national' | 'other';

/** How close the service's area is to the client: its own municipality first. */
export function locality(doc: Pick<SearchDocument, 'areas'>, municipality: string | undefined): Locality {
  if (!municipality) return 'national';
  const m = findMunicipality(municipality);
  if (doc.areas.includes(`kunta:${municipality}`)) return 'municipality';
  if (m && doc.areas.includes(`hva:${m.area}`)) return 'wellbeing_area';
  if (doc.areas.includes('FI')) return 'national';
  return 'other';
}

/** Groups a service may be reserved for by who the client is, not by age or need. */
export const IDENTITY_GROUPS = ['immigrants', 'lgbtiq'];

/**
 * The client is a relative or carer: the note or profile is about supporting someone
 * else. So are the parents of a minor whose family takes part in the help: a mother
 * calling about her son's gambling is a relative of a gambler.
 */
export function isRelative(client: Client): boolean {
  if (client.targetGroups.includes('relatives') || client.needs.some((n) => n.code === 'caregiver')) return true;
  const minor = client.age !== undefined && client.age < ADULT_AGE;
  return minor && (client.targetGroups.includes('families') || client.needs.some((n) => n.code === 'family'));
}

const hasNeed = (client: Client, code: string) => client.needs.some((n) => n.code === code);
/** The ages, from and below, that make one of a target group bound to age. */
const AGE_RANGES = { children: [0, 13], youth: [12, 30], older_people: [63, 200] } as const;
type AgeGroup = keyof typeof AGE_RANGES;
const inAgeGroup = (age: number, group: AgeGroup) => age >= AGE_RANGES[group][0] && age < AGE_RANGES[group][1];
const ageIn = (client: Client, group: AgeGroup) => client.age !== undefined && inAgeGroup(client.age, group);

/** The target groups one belongs to by age alone (`children`, `youth`, `older_people`). */
export function ageGroupsOf(age: number): AgeGroup[] {
  return (Object.keys(AGE_RANGES) as AgeGroup[]).filter((g) => inAgeGroup(age, g));
}
const gender = (client: Client) => (client.targetGroups.includes('women') ? 'women' : client.targetGroups.includes('men') ? 'men' : undefined);

/**
 * Whether the client is in a target group, or the note is about supporting someone who
 * is (a parent's note about a child makes services for children eligible).
 */
export function belongsTo(group: string, client: Client): boolean {
  const read = client.targetGroups.includes(group);
  switch (group) {
    case 'everyone':
      return true;
    // An adults' shelter or peer group is no place for a 16-year-old; an unknown age is an adult's unless the note speaks of a child.
    case 'adults':
      return client.age !== undefined ? client.age >= ADULT_AGE : !client.targetGroups.includes('children');
    case 'women':
    case 'men':
      return gender(client) === undefined || gender(client) === group;
    case 'children':
      return ageIn(client, 'children') || read || hasNeed(client, 'family') || hasNeed(client, 'child_youth');
    case 'youth':
      return ageIn(client, 'youth') || (client.age === undefined && read) || hasNeed(client, 'child_youth') || (hasNeed(client, 'family') && client.age === undefined);
    case 'older_people':
      return ageIn(client, 'older_people') || read || hasNeed(client, 'elderly') || (isRelative(client) && client.age === undefined);
    case 'families':
      return read || hasNeed(client, 'family');
    case 'relatives':
      return isRelative(client);
    case 'immigrants':
      return read || hasNeed(client, 'immigration') || (client.language !== undefined && !['fi', 'sv'].includes(client.language));
    default:
      return read;
  }
}

/** The groups of those close to someone with a problem: relatives, and their families (parents for their children). */
export const RELATIVES_AND_FAMILIES: ReadonlySet<string> = new Set(['relatives', 'families']);

/**
 * Target groups as eligibility: a service for immigrants or LGBTIQ+ people (of any age)
 * needs the client to be one; one for everyone is open, one for adults open to anyone of
 * age; otherwise the client must be in one of its groups. Relatives count as a group like
 * the others: a service only for relatives (of substance users…) is for a client who
 * supports someone, never for the person with the problem, while one for older people
 * and their relatives is for both. A service only for relatives and families is not for
 * a client whose own drinking, drug use or gambling the note tells, unless the note also
 * makes them someone's relative.
 */
export function groupEligible(targetGroups: string[], client: Client): boolean {
  const identity = targetGroups.filter((g) => IDENTITY_GROUPS.includes(g));
  if (identity.length > 0) return identity.some((g) => belongsTo(g, client));
  if (targetGroups.length === 0) return true;
  if (client.ownUse.value && !isRelative(client) && targetGroups.every((g) => RELATIVES_AND_FAMILIES.has(g))) return false;
  return targetGroups.some((g) => belongsTo(g, client));
}

/**
 * Who a service for violence is for, as its own texts say: people who have experienced
 * violence (shelters always are), people who use it, or both (a helpline that also takes
 * calls from those who use violence). `any` when the texts name neither.
 */
export type ViolenceRole = 'victims' | 'users' | 'both' | 'any';

const SERVES_VICTIMS = new RegExp(
  [
    String.raw`(?:väkivalt|väkivallan|raiskau|häirint|ahdistel|rikoks)\S*\s+(?:\S+\s+){0,3}?(?:kokenei|kokeneet|kokenut|kokevi|kokevat|kokeva)`,
    String.raw`(?:kokenei|kokeneet|kokenut|kokevat|kokee)\S*\s+(?:\S+\s+){0,2}?(?:väkivalt|seksuaal|raiskau|lähisuhde)`,
    String.raw`\buhre|\buhri|utsatt|\bvictims?\b|survivors?`,
  ].join('|'),
  'iu',
);
const SERVES_USERS = new RegExp(
  [
    String.raw`väkivaltaa\s+käyttä|käyttäneet\s+väkivaltaa|käyttänyt\s+väkivaltaa|väkivallan\s+(?:käyttäj|tekijö|käytön\s+lopettami)`,
    String.raw`utövar\S*\s+våld|våldsutövare|\b(?:use|used|using)\s+violence|perpetrators?`,
  ].join('|'),
  'iu',
);
const VIOLENCE_NEEDS = ['violence', 'sexual_violence', 'crime_victim'];

/** Whether a text speaks of people who use violence (`väkivaltaa käyttäneille`, `våldsutövare`). */
export function speaksOfViolenceUsers(text: string): boolean {
  return SERVES_USERS.test(text);
}

export function violenceRole(doc: Pick<SearchDocument, 'needs' | 'service_types' | 'name' | 'description' | 'translations'>): ViolenceRole {
  if (!doc.needs.some((n) => VIOLENCE_NEEDS.includes(n))) return 'any';
  const text = [doc.name, doc.description, doc.translations?.sv?.description, doc.translations?.en?.description].filter(Boolean).join(' ');
  const users = speaksOfViolenceUsers(text);
  const victims = doc.service_types.includes('shelter') || SERVES_VICTIMS.test(text);
  if (users) return victims ? 'both' : 'users';
  return victims ? 'victims' : 'any';
}

/**
 * A service for people who use violence is not for their victims or anyone else, and a
 * service for victims (a shelter above all) is not for the person using violence.
 */
export function roleEligible(doc: Parameters<typeof violenceRole>[0], client: Client): boolean {
  const role = violenceRole(doc);
  return client.usesViolence.value ? role !== 'victims' : role !== 'users';
}
