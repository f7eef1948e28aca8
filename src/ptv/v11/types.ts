/**
 * The parts of PTV's open API v11 (JSON, camelCase) that the catalog reads. Every list
 * and object may be `null` in real answers, so every field is typed as optional and
 * nullable and the mapping tolerates both.
 */

type Maybe<T> = T | null | undefined;

export interface LanguageItem {
  value: Maybe<string>;
  language: Maybe<string>;
}

export interface LocalizedListItem extends LanguageItem {
  type: Maybe<string>;
}

export interface ClassItem {
  code: Maybe<string>;
  uri?: Maybe<string>;
  newUri?: Maybe<string>;
  name?: Maybe<LanguageItem[]>;
  ontologyType?: Maybe<string>;
}

export interface PtvMunicipality {
  code: Maybe<string>;
  name?: Maybe<LanguageItem[]>;
}

export interface PtvArea {
  type: Maybe<string>;
  code: Maybe<string>;
  name?: Maybe<LanguageItem[]>;
  municipalities: Maybe<PtvMunicipality[]>;
}

export interface PtvPhone {
  type?: Maybe<string>;
  additionalInformation: Maybe<string>;
  serviceChargeType: Maybe<string>;
  chargeDescription: Maybe<string>;
  prefixNumber: Maybe<string>;
  isFinnishServiceNumber: Maybe<boolean>;
  number: Maybe<string>;
  language: Maybe<string>;
}

export interface PtvWebPage {
  url: Maybe<string>;
  value: Maybe<string>;
  language: Maybe<string>;
}

export interface OpeningHour {
  dayFrom: Maybe<string>;
  dayTo: Maybe<string>;
  from: Maybe<string>;
  to: Maybe<string>;
}

export interface ServiceHour {
  serviceHourType: Maybe<string>;
  validFrom: Maybe<string>;
  validTo: Maybe<string>;
  isClosed: Maybe<boolean>;
  isAlwaysOpen: Maybe<boolean>;
  isReservation: Maybe<boolean>;
  additionalInformation: Maybe<LanguageItem[]>;
  openingHour: Maybe<OpeningHour[]>;
}

export interface ContactDetails {
  emails: Maybe<LanguageItem[]>;
  phoneNumbers: Maybe<PtvPhone[]>;
  webPages: Maybe<PtvWebPage[]>;
}

/** A service–channel connection, as found in `service.serviceChannels`. */
export interface Connection {
  serviceChannel?: Maybe<{ id: string; name?: Maybe<string> }>;
  service?: Maybe<{ id: string; name?: Maybe<string> }>;
  serviceChargeType: Maybe<string>;
  description: Maybe<LocalizedListItem[]>;
  serviceHours: Maybe<ServiceHour[]>;
  contactDetails: Maybe<ContactDetails>;
  modified: Maybe<string>;
}

export interface StreetAddress {
  street: Maybe<LanguageItem[]>;
  streetNumber: Maybe<string>;
  postalCode: Maybe<string>;
  postOffice: Maybe<LanguageItem[]>;
  municipality: Maybe<PtvMunicipality>;
  additionalInformation: Maybe<LanguageItem[]>;
  latitude: Maybe<string>;
  longitude: Maybe<string>;
  coordinateState: Maybe<string>;
}

export interface PostOfficeBoxAddress {
  postOfficeBox: Maybe<LanguageItem[]>;
  postalCode: Maybe<string>;
  postOffice: Maybe<LanguageItem[]>;
  municipality: Maybe<PtvMunicipality>;
}

export interface AccessibilitySentence {
  sentenceGroup: Maybe<LanguageItem[]>;
  sentences: Maybe<Array<{ sentence: Maybe<LanguageItem[]> }>>;
}

export interface Entrance {
  isMainEntrance?: Maybe<boolean>;
  accessibilitySentences: Maybe<AccessibilitySentence[]>;
}

export interface LocationAddress {
  type: Maybe<string>;
  subType: Maybe<string>;
  streetAddress: Maybe<StreetAddress>;
  postOfficeBoxAddress: Maybe<PostOfficeBoxAddress>;
  entrances: Maybe<Entrance[]>;
  country: Maybe<string>;
}

export interface PtvChannel {
  id: string;
  serviceChannelType: Maybe<string>;
  organizationId: Maybe<string>;
  serviceChannelNames: Maybe<LocalizedListItem[]>;
  displayNameType?: Maybe<Array<{ type: Maybe<string>; language: Maybe<string> }>>;
  phoneNumbers?: Maybe<PtvPhone[]>;
  supportPhones?: Maybe<PtvPhone[]>;
  emails?: Maybe<LanguageItem[]>;
  supportEmails?: Maybe<LanguageItem[]>;
  webPages?: Maybe<PtvWebPage[]>;
  addresses?: Maybe<LocationAddress[]>;
  serviceHours?: Maybe<ServiceHour[]>;
  services?: Maybe<Connection[]>;
  publishingStatus: Maybe<string>;
  modified: Maybe<string>;
}

export interface ServiceOrganization {
  organization: Maybe<{ id: string }>;
  roleType: Maybe<string>;
  provisionType: Maybe<string>;
}

export interface PtvService {
  id: string;
  type: Maybe<string>;
  serviceNames: Maybe<LocalizedListItem[]>;
  serviceChargeType: Maybe<string>;
  areaType: Maybe<string>;
  areas: Maybe<PtvArea[]>;
  serviceDescriptions: Maybe<LocalizedListItem[]>;
  languages: Maybe<string[]>;
  serviceClasses: Maybe<ClassItem[]>;
  ontologyTerms: Maybe<ClassItem[]>;
  targetGroups: Maybe<ClassItem[]>;
  lifeEvents?: Maybe<ClassItem[]>;
  keywords?: Maybe<LanguageItem[]>;
  requirements: Maybe<LanguageItem[]>;
  serviceChannels: Maybe<Connection[]>;
  organizations: Maybe<ServiceOrganization[]>;
  publishingStatus: Maybe<string>;
  modified: Maybe<string>;
}

export interface PtvOrganization {
  id: string;
  parentOrganizationId?: Maybe<string>;
  organizationType: Maybe<string>;
  businessCode: Maybe<string>;
  organizationNames: Maybe<LocalizedListItem[]>;
  displayNameType?: Maybe<Array<{ type: Maybe<string>; language: Maybe<string> }>>;
  organizationDescriptions: Maybe<LocalizedListItem[]>;
  emails?: Maybe<Array<{ value: Maybe<string>; language: Maybe<string> }>>;
  webPages?: Maybe<PtvWebPage[]>;
  publishingStatus: Maybe<string>;
  modified: Maybe<string>;
}

export interface Page<T> {
  pageNumber: number;
  pageSize: number;
  pageCount: number;
  itemList: Maybe<T[]>;
}

export interface IdName {
  id: string;
  name?: Maybe<string>;
}
