import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type {
  Identifier,
  Language,
  Phone,
  Schedule,
  ServiceArea,
  ServiceAtLocation,
  ServiceStatus,
  Translations,
} from '../catalog/types.ts';
import type { DerivedTerms, RecordSource } from '../ptv/model.ts';

/**
 * The catalog follows Open Referral HSDS 3.0. A service's value objects (phones,
 * schedules, languages, areas, locations) are always read and written with the service,
 * so they live in JSONB columns of the service row; the links to taxonomy terms are HSDS
 * `attribute` rows, shared by services and organizations.
 */

/**
 * A service's full-text document (`finnish`): name and alternate name weigh A, the
 * description B. The one definition behind the `services_fts` index and every query
 * that must match that index for the planner to use it.
 */
export const serviceTextVector = (cols: { name: AnyPgColumn; alternateName: AnyPgColumn; description: AnyPgColumn }) =>
  sql`(setweight(to_tsvector('finnish', coalesce(${cols.name}, '') || ' ' || coalesce(${cols.alternateName}, '')), 'A') || setweight(to_tsvector('finnish', ${cols.description}), 'B'))`;

export const taxonomies = pgTable('taxonomies', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  uri: text('uri').notNull(),
});

export const taxonomyTerms = pgTable(
  'taxonomy_terms',
  {
    id: uuid('id').primaryKey(),
    taxonomyId: uuid('taxonomy_id')
      .notNull()
      .references(() => taxonomies.id),
    code: text('code').notNull(),
    /** Finnish label (HSDS `name`). */
    name: text('name').notNull(),
    description: text('description'),
    labels: jsonb('labels').$type<{ fi: string; sv: string; en: string }>().notNull(),
  },
  (t) => [uniqueIndex('taxonomy_terms_taxonomy_code').on(t.taxonomyId, t.code)],
);

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  website: text('website'),
  email: text('email'),
  legalStatus: text('legal_status'),
  identifiers: jsonb('identifiers').$type<Identifier[]>().notNull().default([]),
  translations: jsonb('translations').$type<Translations>().notNull().default({}),
  extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
  /** Set when the record comes from an outside register (PTV); its fields are then read-only. */
  source: jsonb('source').$type<RecordSource>(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});

export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description').notNull(),
    url: text('url'),
    email: text('email'),
    status: text('status').$type<ServiceStatus>().notNull(),
    /** Why a service is temporarily closed, and until when (Finnish extension). */
    statusNote: text('status_note'),
    statusUntil: date('status_until'),
    applicationProcess: text('application_process'),
    feesDescription: text('fees_description'),
    eligibilityDescription: text('eligibility_description'),
    /** HSDS: how interpretation is arranged; set when the service arranges it for any language. */
    interpretationServices: text('interpretation_services'),
    minimumAge: integer('minimum_age'),
    maximumAge: integer('maximum_age'),
    assuredDate: date('assured_date'),
    lastModified: timestamp('last_modified', { withTimezone: true, mode: 'string' }).notNull(),
    translations: jsonb('translations').$type<Translations>().notNull().default({}),
    phones: jsonb('phones').$type<Phone[]>().notNull().default([]),
    schedules: jsonb('schedules').$type<Schedule[]>().notNull().default([]),
    languages: jsonb('languages').$type<Language[]>().notNull().default([]),
    serviceAreas: jsonb('service_areas').$type<ServiceArea[]>().notNull().default([]),
    serviceAtLocations: jsonb('service_at_locations').$type<ServiceAtLocation[]>().notNull().default([]),
    /** Further HSDS 3.0 service properties that the catalog keeps verbatim (e.g. `funding`). */
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
    /** Set when the service comes from an outside register (PTV); those fields are then read-only. */
    source: jsonb('source').$type<RecordSource>(),
    /** The taxonomy terms the register's classifications gave, apart from those added in the catalog. */
    sourceTerms: jsonb('source_terms').$type<DerivedTerms>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Soft delete: a deleted listing keeps its history and audit trail. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('services_organization').on(t.organizationId),
    index('services_fts').using('gin', serviceTextVector(t)),
  ],
);

/** The kinds of record a taxonomy term is linked to. */
export type LinkEntity = 'service' | 'organization';

export const attributes = pgTable(
  'attributes',
  {
    id: uuid('id').primaryKey(),
    linkEntity: text('link_entity').$type<LinkEntity>().notNull(),
    linkId: uuid('link_id').notNull(),
    taxonomyTermId: uuid('taxonomy_term_id')
      .notNull()
      .references(() => taxonomyTerms.id),
    /** Order of the record's terms: a service's main need comes first. */
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('attributes_link').on(t.linkId),
    uniqueIndex('attributes_link_term').on(t.linkId, t.taxonomyTermId),
  ],
);

/**
 * Every id of the catalog's records and of the objects nested in services, with its
 * kind: one id names one thing, so no write can make an id of one organization's record
 * serve another's (a service named by an organization's id, a location id taken from
 * another organization's service). Kept by triggers (migrations/0001_record_ids.sql) on
 * every write path; a reuse fails with a unique violation, which writes report as a 409.
 */
export const recordIds = pgTable(
  'record_ids',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').$type<RecordKind>().notNull(),
    /** The service an object nested in one service belongs to. */
    serviceId: uuid('service_id'),
    /**
     * The organization that placed a service at a location first (for a location, its
     * addresses and accessibility notes): a location may serve several services, as in
     * HSDS; through the API only that organization's services may use it.
     */
    organizationId: uuid('organization_id'),
  },
  (t) => [index('record_ids_service').on(t.serviceId)],
);

export type RecordKind =
  | 'organization' | 'service' | 'taxonomy' | 'taxonomy_term'
  | 'phone' | 'schedule' | 'language' | 'service_area' | 'service_at_location' | 'location' | 'address' | 'accessibility';

/** Transactional outbox: written in the same transaction as the change it announces. */
export const searchOutbox = pgTable(
  'search_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    serviceId: uuid('service_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (t) => [index('search_outbox_available').on(t.availableAt, t.id)],
);

export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey(),
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  secretHash: text('secret_hash').notNull().unique(),
  role: text('role').$type<'admin' | 'editor' | 'reader'>().notNull(),
  organizationId: uuid('organization_id').references(() => organizations.id),
  label: text('label'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    keyId: uuid('key_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    organizationId: uuid('organization_id'),
    /** RFC 6902 JSON Patch from the previous state to the new one. */
    changes: jsonb('changes').notNull(),
  },
  (t) => [index('audit_log_entity').on(t.entityId), index('audit_log_org').on(t.organizationId, t.at)],
);

export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').notNull(),
  keyId: uuid('key_id').notNull(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code').notNull(),
  body: jsonb('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('idempotency_keys_pk').on(t.keyId, t.key)]);

/**
 * Reports of structural social work keep counts only: one row per cell, the month the
 * finest time. `month` is `YYYY-MM` (Finnish time), checked so no finer time can be stored.
 */
const monthCheck = (name: string, month: AnyPgColumn) => check(name, sql`${month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`);

/**
 * Recommend requests that named a municipality, per need (read or given), urgency and
 * whether anything local or regional, or anything at all, was found. Nothing else of a
 * request is kept: no text, age, request id or time finer than the month.
 */
export const demandCounts = pgTable(
  'demand_counts',
  {
    month: text('month').notNull(),
    municipality: text('municipality').notNull(),
    need: text('need').notNull(),
    urgency: text('urgency').notNull(),
    foundLocal: boolean('found_local').notNull(),
    foundAny: boolean('found_any').notNull(),
    requests: integer('requests').notNull(),
  },
  (t) => [
    primaryKey({ name: 'demand_counts_pk', columns: [t.month, t.municipality, t.need, t.urgency, t.foundLocal, t.foundAny] }),
    monthCheck('demand_counts_month', t.month),
  ],
);

/** Referrals a client system recorded, per month, service, client municipality and need. */
export const referralCounts = pgTable(
  'referral_counts',
  {
    month: text('month').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    municipality: text('municipality').notNull(),
    need: text('need').notNull(),
    referrals: integer('referrals').notNull(),
  },
  (t) => [
    primaryKey({ name: 'referral_counts_pk', columns: [t.month, t.serviceId, t.municipality, t.need] }),
    monthCheck('referral_counts_month', t.month),
    index('referral_counts_service').on(t.serviceId),
  ],
);
/** One run of `tarjotin ptv sync`; the last successful one per municipality is where the next fetch of changes starts. */
export const ptvSyncs = pgTable('ptv_syncs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
  municipalities: jsonb('municipalities').$type<string[]>().notNull(),
  full: boolean('full').notNull(),
  summary: jsonb('summary').$type<Record<string, number>>().notNull(),
});
