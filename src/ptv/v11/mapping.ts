import type { Language, OrganizationInput, Phone, Schedule, ServiceArea, ServiceAtLocation, ServiceInput, Translations } from '../../catalog/types.ts';
import { findMunicipality, findWellbeingArea, nameUuid } from '../../vocabulary/index.ts';
import { classify } from '../classifications.ts';
import { tm35finToWgs84 } from '../geo.ts';
import type { DerivedTerms, MappedOrganization, MappedService } from '../model.ts';
import { dialable } from '../phone.ts';
import { responsibleOf } from './fetch.ts';
import type {
  Connection,
  LanguageItem,
  LocalizedListItem,
  LocationAddress,
  PtvChannel,
  PtvOrganization,
  PtvPhone,
  PtvService,
  PtvWebPage,
  ServiceHour,
} from './types.ts';

/**
 * PTV v11 → the catalog's records. docs/ptv.md has the table of what goes where; the
 * comments here say why where it is not obvious. Finnish is the base text; where PTV has
 * no Finnish text, Swedish and then English stand in.
 */

const LANGS = ['fi', 'sv', 'en'] as const;
type Lang = (typeof LANGS)[number];

// ---------------------------------------------------------------- texts

const clean = (s: string | null | undefined): string | undefined => {
  const t = s?.replaceAll('\u0000', '').trim();
  return t ? t : undefined;
};

/** Cuts a text to `max` characters at a word boundary, marking the cut. */
export function clip(text: string | undefined, max: number): string | undefined {
  if (!text || text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

function textIn(items: LanguageItem[] | null | undefined, lang: string): string | undefined {
  return clean((items ?? []).find((i) => i.language === lang && clean(i.value))?.value);
}

function typedText(items: LocalizedListItem[] | null | undefined, type: string, lang: string): string | undefined {
  return textIn((items ?? []).filter((i) => i.type === type), lang);
}

/** The text in Finnish, or in Swedish or English when Finnish is missing. */
function baseText(get: (lang: Lang) => string | undefined): string | undefined {
  return get('fi') ?? get('sv') ?? get('en');
}

/** The name shown in a language: `displayNameType` picks Name or AlternativeName. */
function displayName(
  names: LocalizedListItem[] | null | undefined,
  display: Array<{ type: string | null | undefined; language: string | null | undefined }> | null | undefined,
  lang: string,
): string | undefined {
  const type = (display ?? []).find((d) => d.language === lang)?.type ?? 'Name';
  return typedText(names, type, lang) ?? typedText(names, 'Name', lang);
}

// ---------------------------------------------------------------- organizations

/** PTV organization types → the catalog's provider types. Unknown types get none. */
export const PROVIDER_TYPES: Record<string, string> = {
  State: 'public',
  Municipality: 'public',
  RegionalOrganization: 'public',
  Region: 'public',
  SotePublic: 'public',
  TT1: 'public',
  TT2: 'public',
  Organization: 'ngo',
  Company: 'private',
  SotePrivate: 'private',
};

export const isPublicAuthority = (organizationType: string | null | undefined) =>
  PROVIDER_TYPES[organizationType ?? ''] === 'public';

export function mapOrganization(o: PtvOrganization): MappedOrganization | undefined {
  const name = (lang: Lang) => clip(displayName(o.organizationNames, o.displayNameType, lang), 300);
  const description = (lang: Lang) =>
    clip(typedText(o.organizationDescriptions, 'Description', lang) ?? typedText(o.organizationDescriptions, 'Summary', lang), 5000);
  const baseName = baseText(name);
  if (!baseName) return undefined;
  const translations: Translations = {};
  for (const lang of ['sv', 'en'] as const) {
    const t = withoutUndefined({ name: name(lang), description: description(lang) });
    if (Object.keys(t).length > 0) translations[lang] = t;
  }
  const input: OrganizationInput = withoutUndefined({
    id: o.id,
    name: baseName,
    description: baseText(description) ?? baseName,
    website: webUrl(firstUrl(o.webPages)),
    email: emailOf((o.emails ?? []).map((e) => e.value)),
    business_id: /^[0-9]{7}-[0-9]$/.test(o.businessCode ?? '') ? o.businessCode! : undefined,
    provider_type: PROVIDER_TYPES[o.organizationType ?? ''],
    translations: Object.keys(translations).length > 0 ? translations : undefined,
  });
  return { id: o.id, input, modified: ptvTimestamp(o.modified) };
}

// ---------------------------------------------------------------- services

export interface ServiceContext {
  channels: Map<string, PtvChannel>;
  organizations: Map<string, PtvOrganization>;
}

export function mapService(s: PtvService, ctx: ServiceContext): MappedService | { skip: string } {
  const organizationId = responsibleOf(s);
  if (!organizationId) return { skip: 'no responsible organization' };
  const organization = ctx.organizations.get(organizationId);
  if (!organization) return { skip: `its organization ${organizationId} is not published` };
  const texts = (lang: Lang) => serviceTexts(s, lang);
  const base = (key: keyof ReturnType<typeof serviceTexts>) => baseText((l) => texts(l)[key]);
  const name = base('name');
  if (!name) return { skip: 'no name' };

  const connections = (s.serviceChannels ?? []).flatMap((c) => {
    const channel = c.serviceChannel?.id ? ctx.channels.get(c.serviceChannel.id) : undefined;
    return channel ? [{ connection: c, channel }] : [];
  });
  const classes = (s.serviceClasses ?? []).flatMap((c) => c.code ?? []);
  const terms = classify(
    classes,
    (s.targetGroups ?? []).flatMap((t) => t.code ?? []),
    {
      name,
      summary: typedText(s.serviceDescriptions, 'Summary', 'fi') ?? '',
      description: typedText(s.serviceDescriptions, 'Description', 'fi') ?? '',
      ontologyTerms: (s.ontologyTerms ?? []).flatMap((t) => textIn(t.name, 'fi') ?? []),
    },
  );
  const derived: DerivedTerms = {
    need: terms.needs,
    service_type: terms.service_types,
    target_group: terms.target_groups,
    access: [...new Set([...terms.access, ...accessOf(s, connections)])],
  };

  const translations: Translations = {};
  for (const lang of ['sv', 'en'] as const) {
    const t = withoutUndefined(texts(lang));
    if (Object.keys(t).length > 0) translations[lang] = t;
  }
  const urls = connections.flatMap(({ channel }) => (isOnline(channel) ? (webUrl(firstUrl(channel.webPages)) ?? []) : []));
  const input: ServiceInput = withoutUndefined({
    id: s.id,
    organization_id: organizationId,
    name,
    alternate_name: base('alternate_name'),
    description: base('description') ?? name,
    url: urls[0],
    email: emailOf(connections.flatMap(({ connection, channel }) => [
      ...(connection.contactDetails?.emails ?? []).map((e) => e.value),
      ...[...(channel.emails ?? []), ...(channel.supportEmails ?? [])].map((e) => e.value),
    ])),
    status: 'active' as const,
    application_process: base('application_process'),
    fees_description: base('fees_description') ?? chargeText(s.serviceChargeType),
    eligibility_description: base('eligibility_description'),
    translations: Object.keys(translations).length > 0 ? translations : undefined,
    phones: phonesOf(s.id, connections),
    schedules: schedulesOf(s.id, connections),
    languages: languagesOf(s.id, s.languages ?? []),
    service_areas: areasOf(s),
    service_at_locations: locationsOf(s.id, connections),
    needs: derived.need,
    service_types: derived.service_type,
    target_groups: derived.target_group,
    access: derived.access,
  });
  return {
    id: s.id,
    input,
    derived,
    publicAuthority: isPublicAuthority(organization.organizationType),
    modified: ptvTimestamp(s.modified),
  };
}

/** Finnish texts of the catalog's text fields in one language. */
function serviceTexts(s: PtvService, lang: Lang) {
  const d = s.serviceDescriptions;
  const summary = typedText(d, 'Summary', lang);
  const long = typedText(d, 'Description', lang);
  // The summary leads the description: PTV shows it above the description too.
  const description = summary && long && !long.startsWith(summary) ? `${summary}\n\n${long}` : (long ?? summary);
  return {
    name: clip(typedText(s.serviceNames, 'Name', lang), 300),
    alternate_name: clip(typedText(s.serviceNames, 'AlternativeName', lang), 300),
    description: clip(description, 5000),
    application_process: clip(typedText(d, 'UserInstruction', lang), 2000),
    fees_description: clip(typedText(d, 'ChargeTypeAdditionalInfo', lang), 2000),
    eligibility_description: clip(
      (s.requirements ?? []).filter((r) => r.language === lang).flatMap((r) => clean(r.value) ?? []).join('\n') || undefined,
      2000,
    ),
  };
}

const CHARGE_TEXTS: Record<string, string> = { Chargeable: 'Maksullinen', FreeOfCharge: 'Maksuton' };
const chargeText = (type: string | null | undefined) => CHARGE_TEXTS[type ?? ''];

type Linked = { connection: Connection; channel: PtvChannel };

const isOnline = (c: PtvChannel) => c.serviceChannelType === 'EChannel' || c.serviceChannelType === 'WebPage';

function accessOf(s: PtvService, connections: Linked[]): string[] {
  const out: string[] = [];
  if (s.serviceChargeType === 'FreeOfCharge') out.push('free');
  const types = new Set(connections.map(({ channel }) => channel.serviceChannelType));
  if (types.has('ServiceLocation')) out.push('in_person');
  if (types.has('Phone') || types.has('EChannel')) out.push('remote');
  const alwaysOpen = connections.some(({ connection, channel }) => hoursOf(connection, channel).some((h) => h.isAlwaysOpen));
  if (alwaysOpen) out.push('always_open');
  return out;
}

// ---------------------------------------------------------------- phones

const PHONE_TYPES: Record<string, string> = { Phone: 'voice', Sms: 'text', Fax: 'fax' };

/**
 * Numbers specific to this service at a channel first, then the phone channels' own,
 * then those of service locations, faxes last; each number once (PTV repeats it per
 * language).
 */
function phonesOf(serviceId: string, connections: Linked[]): Phone[] {
  const candidates = [
    ...connections.flatMap(({ connection, channel }) =>
      (connection.contactDetails?.phoneNumbers ?? []).map((p) => ({ p, channel })),
    ),
    ...connections
      .filter(({ channel }) => channel.serviceChannelType === 'Phone')
      .flatMap(({ channel }) => (channel.phoneNumbers ?? []).map((p) => ({ p, channel }))),
    ...connections
      .filter(({ channel }) => channel.serviceChannelType !== 'Phone')
      .flatMap(({ channel }) => [...(channel.phoneNumbers ?? []), ...(channel.supportPhones ?? [])].map((p) => ({ p, channel }))),
  ];
  const byLanguage = [...candidates].sort((a, b) => languageRank(a.p.language) - languageRank(b.p.language));
  const seen = new Set<string>();
  const out: Phone[] = [];
  for (const { p, channel } of byLanguage) {
    const number = dialable(p.prefixNumber, p.number);
    if (!number || seen.has(number)) continue;
    seen.add(number);
    out.push(withoutUndefined({
      id: nameUuid(`ptv:${serviceId}:phone:${number}`),
      number,
      type: PHONE_TYPES[p.type ?? 'Phone'] ?? 'voice',
      description: phoneDescription(p, channel),
    }));
  }
  // In the order of the candidates, not of the languages; faxes last: nobody calls them.
  const order = new Map(candidates.map((c, i) => [dialable(c.p.prefixNumber, c.p.number), i]));
  const rank = (p: Phone) => (p.type === 'fax' ? candidates.length : 0) + (order.get(p.number) ?? 0);
  return out.sort((a, b) => rank(a) - rank(b)).slice(0, 20);
}

const languageRank = (lang: string | null | undefined) => {
  const i = LANGS.indexOf((lang ?? '') as Lang);
  return i < 0 ? LANGS.length : i;
};

function phoneDescription(p: PtvPhone, channel: PtvChannel): string | undefined {
  const parts = [
    baseText((l) => displayName(channel.serviceChannelNames, channel.displayNameType, l)),
    clean(p.additionalInformation),
    p.serviceChargeType === 'Other' ? clean(p.chargeDescription) : undefined,
  ].filter((x): x is string => !!x);
  return clip([...new Set(parts)].join(' – ') || undefined, 500);
}

// ---------------------------------------------------------------- opening hours

const DAY_CODES: Record<string, string> = {
  Monday: 'MO', Tuesday: 'TU', Wednesday: 'WE', Thursday: 'TH', Friday: 'FR', Saturday: 'SA', Sunday: 'SU',
};
const WEEK = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** A connection's own hours replace the channel's: they are this service's hours there. */
function hoursOf(connection: Connection, channel: PtvChannel): ServiceHour[] {
  const own = connection.serviceHours ?? [];
  return own.length > 0 ? own : (channel.serviceHours ?? []);
}

const hhmm = (t: string | null | undefined) => (t && /^\d{2}:\d{2}/.test(t) ? t.slice(0, 5) : undefined);
const isoDate = (t: string | null | undefined) => (t && /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : undefined);

interface Part {
  day: string;
  opens: string;
  closes: string;
}

/**
 * A weekly opening as day parts the catalog can hold (closing after opening on the same
 * day): an opening past midnight is cut in two, Friday 18–02 → Friday 18–24 and Saturday
 * 0–2; a closing at 00:00 means midnight (23:59 in the catalog).
 */
function dayParts(dayFrom: string, dayTo: string | undefined, from: string, to: string): Part[] {
  const first = DAY_CODES[dayFrom];
  if (!first) return [];
  const endsNextDay = dayTo !== undefined || to <= from;
  if (!endsNextDay) return [{ day: first, opens: from, closes: to }];
  const next = DAY_CODES[dayTo ?? ''] ?? WEEK[(WEEK.indexOf(first) + 1) % 7]!;
  return [
    { day: first, opens: from, closes: '23:59' },
    ...(to > '00:00' ? [{ day: next, opens: '00:00', closes: to }] : []),
  ];
}

function schedulesOf(serviceId: string, connections: Linked[]): Schedule[] {
  const out: Array<Omit<Schedule, 'id'>> = [];
  for (const { connection, channel } of connections) {
    if (channel.serviceChannelType !== 'ServiceLocation' && channel.serviceChannelType !== 'Phone') continue;
    const where = baseText((l) => displayName(channel.serviceChannelNames, channel.displayNameType, l));
    for (const h of hoursOf(connection, channel)) out.push(...scheduleOf(h, where));
  }
  return out.slice(0, 50).map((s, i) => ({ id: nameUuid(`ptv:${serviceId}:schedule:${i}`), ...s }));
}

/** A closure says it is one, whatever PTV's note says (`Loppiainen` → `Loppiainen – suljettu`). */
const closedText = (info: string | undefined) => (!info ? 'suljettu' : /suljettu/i.test(info) ? info : `${info} – suljettu`);

const describe = (where: string | undefined, ...texts: Array<string | undefined>) =>
  clip([where, ...texts].filter(Boolean).join(': ') || undefined, 1000);

function scheduleOf(h: ServiceHour, where: string | undefined): Array<Omit<Schedule, 'id'>> {
  const info = baseText((l) => textIn(h.additionalInformation, l));
  const validFrom = isoDate(h.validFrom);
  const validTo = isoDate(h.validTo);
  if (h.isAlwaysOpen) {
    return [withoutUndefined({ freq: 'WEEKLY' as const, byday: WEEK.join(','), opens_at: '00:00', closes_at: '23:59', valid_from: validFrom, valid_to: validTo, description: describe(where, info ?? 'avoinna ympäri vuorokauden') })];
  }
  if (h.serviceHourType === 'Exceptional') {
    // A date or a date range, not a weekly rule: no `byday`, so "open now" of the week
    // is not changed by it; a holiday rule names its next date only.
    const range = { valid_from: validFrom, valid_to: validTo ?? validFrom };
    if (h.isClosed || (h.openingHour ?? []).length === 0) {
      return [withoutUndefined({ ...range, description: describe(where, closedText(info)) })];
    }
    return (h.openingHour ?? []).flatMap((o) => {
      const opens = hhmm(o.from);
      const closes = hhmm(o.to);
      if (!opens || !closes) return [];
      return [withoutUndefined({ ...range, opens_at: opens, closes_at: closes <= opens ? '23:59' : closes, description: describe(where, info ?? 'poikkeusaukioloaika') })];
    });
  }
  if (h.isReservation || (h.openingHour ?? []).length === 0) {
    return [withoutUndefined({ valid_from: validFrom, valid_to: validTo, description: describe(where, h.isReservation ? 'vain ajanvarauksella' : undefined, info) })];
  }
  const parts = (h.openingHour ?? []).flatMap((o) => {
    const opens = hhmm(o.from);
    const closes = hhmm(o.to);
    // Only an over-midnight rule names the day it ends on.
    const dayTo = h.serviceHourType === 'OverMidnight' && o.dayTo !== o.dayFrom ? clean(o.dayTo) : undefined;
    return o.dayFrom && opens && closes ? dayParts(o.dayFrom, dayTo, opens, closes) : [];
  });
  // Days with the same hours make one schedule (MO,TU,WE 08:00–15:00).
  const groups = new Map<string, string[]>();
  for (const p of parts) groups.set(`${p.opens}-${p.closes}`, [...(groups.get(`${p.opens}-${p.closes}`) ?? []), p.day]);
  return [...groups].map(([key, days]) => {
    const [opens, closes] = key.split('-');
    return withoutUndefined({
      freq: 'WEEKLY' as const,
      byday: WEEK.filter((d) => days.includes(d)).join(','),
      opens_at: opens,
      closes_at: closes,
      valid_from: validFrom,
      valid_to: validTo,
      description: describe(where, info),
    });
  });
}

// ---------------------------------------------------------------- languages and areas

const languageNames = new Intl.DisplayNames(['fi'], { type: 'language' });

function languagesOf(serviceId: string, codes: string[]): Language[] {
  return [...new Set(codes)]
    .filter((c) => /^[a-z]{2,3}$/.test(c))
    .slice(0, 30)
    .map((code) => withoutUndefined({ id: nameUuid(`ptv:${serviceId}:language:${code}`), code, name: languageName(code) }));
}

function languageName(code: string): string | undefined {
  try {
    const name = languageNames.of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Nationwide → the whole country; a wellbeing services county → its wellbeing area; a
 * municipality list, region (maakunta), sub-region or hospital district → the
 * municipalities it lists.
 */
function areasOf(s: PtvService): ServiceArea[] {
  if (s.areaType === 'Nationwide' || s.areaType === 'NationwideExceptAlandIslands') {
    return [{ id: nameUuid(`ptv:${s.id}:area:FI`), name: 'Koko Suomi', extent_type: 'text', extent: 'FI' }];
  }
  const extents: string[] = [];
  for (const area of s.areas ?? []) {
    const codes = (area.municipalities ?? []).flatMap((m) => m.code ?? []).filter((c) => findMunicipality(c));
    const wellbeingArea = area.type === 'WellbeingServiceCounties' ? commonWellbeingArea(codes) : undefined;
    if (wellbeingArea) extents.push(`hva:${wellbeingArea}`);
    else extents.push(...codes.map((c) => `kunta:${c}`));
  }
  return [...new Set(extents)].slice(0, 400).map((extent) => ({
    id: nameUuid(`ptv:${s.id}:area:${extent}`),
    name: extentName(extent),
    extent_type: 'text' as const,
    extent,
  }));
}

/** The wellbeing area of a county's municipalities, when they all share one. */
function commonWellbeingArea(codes: string[]): string | undefined {
  const areas = new Set(codes.map((c) => findMunicipality(c)?.area));
  const [only] = [...areas];
  return areas.size === 1 && only ? only : undefined;
}

function extentName(extent: string): string | undefined {
  if (extent.startsWith('kunta:')) return findMunicipality(extent.slice(6))?.fi;
  if (extent.startsWith('hva:')) return findWellbeingArea(extent.slice(4))?.labels.fi;
  return undefined;
}

// ---------------------------------------------------------------- locations

/** Service locations are physical locations; e-services and web pages virtual ones with their address. */
function locationsOf(serviceId: string, connections: Linked[]): ServiceAtLocation[] {
  return connections
    .flatMap(({ channel }) => {
      const name = clip(baseText((l) => displayName(channel.serviceChannelNames, channel.displayNameType, l)), 200);
      if (channel.serviceChannelType === 'ServiceLocation') return [physicalLocation(channel, name)];
      if (isOnline(channel)) {
        const url = webUrl(firstUrl(channel.webPages));
        return url ? [{ id: channel.id, location_type: 'virtual' as const, name, url, addresses: [], accessibility: [] }] : [];
      }
      return [];
    })
    .slice(0, 50)
    .map((location) => ({ id: nameUuid(`ptv:${serviceId}:at:${location.id}`), location: withoutUndefined(location) }));
}

function physicalLocation(channel: PtvChannel, name: string | undefined): ServiceAtLocation['location'] {
  const addresses = channel.addresses ?? [];
  const visiting = addresses.find((a) => a.type === 'Location' && a.streetAddress);
  const point = visiting?.streetAddress && ['Ok', 'EnteredByUser'].includes(visiting.streetAddress.coordinateState ?? '')
    ? tm35finToWgs84(visiting.streetAddress.latitude, visiting.streetAddress.longitude)
    : undefined;
  return {
    id: channel.id,
    location_type: 'physical',
    name,
    ...point,
    addresses: addresses.flatMap((a, i) => addressOf(channel.id, a, i)).slice(0, 10),
    accessibility: addresses
      .flatMap((a) => a.entrances ?? [])
      .flatMap((e) => e.accessibilitySentences ?? [])
      .flatMap((group, i) => {
        const title = baseText((l) => textIn(group.sentenceGroup, l));
        const sentences = (group.sentences ?? []).flatMap((s) => baseText((l) => textIn(s.sentence, l)) ?? []);
        const description = clip([title, sentences.join(' ')].filter(Boolean).join(': ') || undefined, 1000);
        return description ? [{ id: nameUuid(`ptv:${channel.id}:accessibility:${i}`), description }] : [];
      })
      .slice(0, 20),
  };
}

function addressOf(channelId: string, a: LocationAddress, i: number): ServiceAtLocation['location']['addresses'] {
  const street = a.streetAddress;
  const box = a.postOfficeBoxAddress;
  const line = street
    ? [baseText((l) => textIn(street.street, l)), clean(street.streetNumber)].filter(Boolean).join(' ')
    : baseText((l) => textIn(box?.postOfficeBox, l));
  const postalCode = (street ?? box)?.postalCode ?? '';
  const municipality = (street ?? box)?.municipality;
  const city = baseText((l) => textIn(municipality?.name, l)) ?? titleCase(baseText((l) => textIn((street ?? box)?.postOffice, l)));
  if (!line || !city || !/^[0-9]{5}$/.test(postalCode)) return [];
  const wellbeingArea = findWellbeingArea(findMunicipality(municipality?.code ?? '')?.area ?? '');
  return [{
    id: nameUuid(`ptv:${channelId}:address:${i}`),
    address_1: clip(line, 200)!,
    city: clip(city, 100)!,
    postal_code: postalCode,
    state_province: wellbeingArea?.labels.fi ?? '',
    country: /^[A-Z]{2}$/.test(a.country ?? '') ? a.country! : 'FI',
    address_type: a.type === 'Postal' ? 'postal' : 'physical',
  }];
}

const titleCase = (s: string | undefined) => s?.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase());

// ---------------------------------------------------------------- helpers

function firstUrl(pages: PtvWebPage[] | null | undefined): string | undefined {
  const sorted = [...(pages ?? [])].sort((a, b) => languageRank(a.language) - languageRank(b.language));
  return sorted.find((p) => clean(p.url))?.url ?? undefined;
}

/** Only http(s) addresses: the catalog shows them as links. */
function webUrl(url: string | undefined): string | undefined {
  const u = clean(url);
  if (!u || u.length > 500 || !/^https?:\/\//i.test(u)) return undefined;
  try {
    new URL(u);
    return u;
  } catch {
    return undefined;
  }
}

function emailOf(values: Array<string | null | undefined>): string | undefined {
  return values.map(clean).find((v) => v && v.length <= 200 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v));
}

/** PTV's `modified` is UTC without a zone. */
export function ptvTimestamp(value: string | null | undefined): string {
  if (!value) return new Date(0).toISOString();
  const withZone = /[zZ]|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`;
  const d = new Date(withZone);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
