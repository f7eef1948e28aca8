import type { TextLanguage } from '../catalog/types.ts';
import { findMunicipality, findTerm, findWellbeingArea } from '../vocabulary/index.ts';
import type { SearchDocument } from '../search/document.ts';
import type { Client } from './client.ts';
import type { Pick, Signals } from './ranking.ts';

/**
 * Why a service was suggested, as sentences a worker reads in the request's language.
 * Built only from the service and the structured signals, never from the client's text.
 */

const T = {
  covers: { fi: 'Auttaa tarpeeseen: {x}', sv: 'Hjälper med: {x}', en: 'Helps with: {x}' },
  main: { fi: 'Palvelu on tehty juuri tähän: {x}', sv: 'Tjänsten är inriktad just på: {x}', en: 'Made for exactly this: {x}' },
  municipality: { fi: 'Toimii asiakkaan kunnassa ({x})', sv: 'Verkar i klientens kommun ({x})', en: "Operates in the client's municipality ({x})" },
  wellbeing_area: { fi: 'Toimii asiakkaan hyvinvointialueella ({x})', sv: 'Verkar i klientens välfärdsområde ({x})', en: "Operates in the client's wellbeing area ({x})" },
  national: { fi: 'Valtakunnallinen palvelu', sv: 'Riksomfattande tjänst', en: 'National service' },
  openNow: { fi: 'Avoinna nyt', sv: 'Öppen nu', en: 'Open now' },
  alwaysOpen: { fi: 'Avoinna ympäri vuorokauden', sv: 'Öppen dygnet runt', en: 'Open 24/7' },
  remote: { fi: 'Voi asioida etänä (puhelin, chat tai verkko)', sv: 'Kan användas på distans (telefon, chatt eller nätet)', en: 'Can be used remotely (phone, chat or online)' },
  free: { fi: 'Maksuton', sv: 'Avgiftsfri', en: 'Free of charge' },
  anonymous: { fi: 'Voi asioida nimettömänä', sv: 'Kan användas anonymt', en: 'Can be used anonymously' },
  no_referral: { fi: 'Ei vaadi lähetettä', sv: 'Ingen remiss behövs', en: 'No referral needed' },
  language: { fi: 'Palvelee kielellä: {x}', sv: 'Betjänar på: {x}', en: 'Serves in: {x}' },
  languageFallback: { fi: 'Palvelee suomeksi, ei ruotsiksi', sv: 'Betjänar på finska, inte på svenska', en: 'Serves in Finnish, not in Swedish' },
  interpreted: {
    fi: 'Ei palvele asiakkaan kielellä ({x}): käyttö edellyttää tulkkausta, jonka palvelu järjestää',
    sv: 'Betjänar inte på klientens språk ({x}): förutsätter tolkning, som tjänsten ordnar',
    en: "Does not serve in the client's language ({x}): relies on interpretation, which the service arranges",
  },
  missing: { fi: 'Ei täytä toivetta: {x}', sv: 'Uppfyller inte önskemålet: {x}', en: 'Does not meet the requirement: {x}' },
  targetFits: { fi: 'Suunnattu asiakkaan ikäryhmälle', sv: 'Riktad till klientens åldersgrupp', en: "Aimed at the client's age group" },
  wanted: { fi: 'Toivottua muotoa: {x}', sv: 'Av det slag som önskas: {x}', en: 'Of the kind asked for: {x}' },
  stale: { fi: 'Tiedot tarkistettu viimeksi {x}: voivat olla vanhentuneita', sv: 'Uppgifterna kontrollerades senast {x}: de kan vara inaktuella', en: 'Details last verified {x}: they may be out of date' },
  firstFor: {
    fi: 'Ensimmäinen ehdotus tarpeeseen {x}: siksi ennen palveluita, jotka muuten sopisivat paremmin',
    sv: 'Första förslaget för {x}: därför före tjänster som annars passar bättre',
    en: 'The first suggestion for {x}: placed above services that fit better otherwise',
  },
  lifted: {
    fi: 'Nostettu kolmen ensimmäisen joukkoon: tilanne on kiireellinen ja palvelu on tavoitettavissa nyt',
    sv: 'Lyft bland de tre första: situationen är akut och tjänsten kan nås nu',
    en: 'Lifted into the first three: the situation is acute and the service can be reached now',
  },
  staleUnknown: { fi: 'Tietojen ajantasaisuutta ei ole vahvistettu', sv: 'Uppgifterna har inte bekräftats', en: 'The details have not been verified' },
} as const;

/** Language names from the runtime's CLDR data, so every ISO 639-1 code has one. */
const LANGUAGE_NAMES = Object.fromEntries(
  (['fi', 'sv', 'en'] as const).map((lang) => [lang, new Intl.DisplayNames([lang], { type: 'language' })]),
) as Record<TextLanguage, Intl.DisplayNames>;

const languageName = (code: string, lang: TextLanguage) => LANGUAGE_NAMES[lang].of(code) ?? code;
const say = (key: keyof typeof T, lang: TextLanguage, x = '') => T[key][lang].replace('{x}', x);
const needLabel = (code: string, lang: TextLanguage) => findTerm('need', code)?.labels[lang] ?? code;
const accessLabel = (code: string, lang: TextLanguage) => findTerm('access', code)?.labels[lang] ?? code;
const typeLabel = (code: string, lang: TextLanguage) => findTerm('service_type', code)?.labels[lang] ?? code;

export function reasonsFor(doc: SearchDocument, s: Signals, client: Client, lang: TextLanguage): string[] {
  const out: string[] = [];
  if (s.mainNeedMatch && doc.needs[0]) out.push(say('main', lang, needLabel(doc.needs[0], lang)));
  const others = s.covers.filter((c) => !(s.mainNeedMatch && c === doc.needs[0]));
  if (others.length > 0) out.push(say('covers', lang, others.map((c) => needLabel(c, lang)).join(', ')));
  if (s.locality === 'municipality' && client.municipality) {
    const m = findMunicipality(client.municipality);
    out.push(say('municipality', lang, m ? (lang === 'sv' ? m.sv : m.fi) : client.municipality));
  } else if (s.locality === 'wellbeing_area' && client.municipality) {
    const area = findWellbeingArea(findMunicipality(client.municipality)?.area ?? '');
    out.push(say('wellbeing_area', lang, area?.labels[lang] ?? ''));
  } else if (s.locality === 'national') {
    out.push(say('national', lang));
  }
  if (s.alwaysOpen) out.push(say('alwaysOpen', lang));
  else if (s.reachableNow) out.push(say('openNow', lang));
  for (const code of ['free', 'anonymous', 'no_referral'] as const) if (doc.access.includes(code)) out.push(say(code, lang));
  if (s.remote) out.push(say('remote', lang));
  if (client.language && s.language === 'native' && doc.languages.includes(client.language)) {
    out.push(say('language', lang, languageName(client.language, lang)));
  }
  if (s.language === 'fallback') out.push(say('languageFallback', lang));
  if (s.language === 'interpreted') out.push(say('interpreted', lang, languageName(client.language ?? '', lang)));
  if (s.targetFit === 'fits') out.push(say('targetFits', lang));
  if (s.wanted.length > 0) out.push(say('wanted', lang, s.wanted.map((k) => typeLabel(k, lang)).join(', ')));
  for (const code of s.missing) out.push(say('missing', lang, accessLabel(code, lang)));
  if (s.stale) out.push(doc.assured_date ? say('stale', lang, doc.assured_date) : say('staleUnknown', lang));
  return out;
}

/**
 * Why a pick stands above later results that score higher on their own: it is the first
 * to cover one of the client's needs (the list covers every need before repeating one).
 */
export function placeReasons(pick: Pick, later: Pick[], lang: TextLanguage): string[] {
  if (pick.newNeeds.length === 0 || !later.some((p) => p.score > pick.score)) return [];
  return [say('firstFor', lang, pick.newNeeds.map((c) => needLabel(c, lang)).join(', '))];
}

export const liftedText = (lang: TextLanguage) => say('lifted', lang);
