import fs from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * Validators of the official HSDS 3.0 schemas in data/hsds-3.0. The API reference declares JSON Schema 2020-12 (`jsonSchemaDialect`); the
 * schemas carry non-standard keywords (`constraints`, `core`, `datapackage_*`), hence
 * `strict: false`. `taxonomy.json` and `taxonomy_term.json` are not compiled: their
 * relative `$ref`s are resolved by giving them (and `metadata.json`, whose compiled form
 * every compiled schema carries) a common base URI.
 */

export const HSDS_DIR = path.resolve(import.meta.dirname, '../../data/hsds-3.0');

export const SCHEMA_NAMES = [
  'service',
  'service_list',
  'organization',
  'organization_list',
  'service_at_location',
  'service_at_location_list',
  'taxonomy',
  'taxonomy_term',
] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];
export type Validators = Record<SchemaName, ValidateFunction>;

const BASE = 'https://hsds.invalid/schema/';
// ajv-formats is CommonJS; its default export is the plugin under either interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

type Schema = Record<string, unknown> & { properties: Record<string, { items?: unknown }> };

const readSchema = async (name: string): Promise<Schema> =>
  JSON.parse(await fs.readFile(path.join(HSDS_DIR, `${name}.json`), 'utf8')) as Schema;

let validators: Promise<Validators> | undefined;

export function hsdsValidators(): Promise<Validators> {
  validators ??= (async () => {
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    const schemas = Object.fromEntries(await Promise.all(SCHEMA_NAMES.map(async (n) => [n, await readSchema(n)] as const))) as Record<SchemaName, Schema>;
    ajv.addSchema({ ...(schemas.service.properties.metadata!.items as object), $id: `${BASE}metadata.json` });
    for (const name of SCHEMA_NAMES) ajv.addSchema({ ...schemas[name], $id: `${BASE}${name}.json` });
    return Object.fromEntries(SCHEMA_NAMES.map((n) => [n, ajv.getSchema(`${BASE}${n}.json`)!])) as Validators;
  })();
  return validators;
}

/** Every schema error of every object, as `label: /pointer message` lines (empty when all are valid). */
export function schemaErrors(validate: ValidateFunction, objects: unknown[], label: (o: unknown, i: number) => string): string[] {
  return objects.flatMap((o, i) =>
    validate(o) ? [] : (validate.errors ?? []).map((e) => `${label(o, i)}: ${e.instancePath || '/'} ${e.message ?? ''}`),
  );
}

export const byId = (o: unknown, i: number) => `#${i} (${String((o as { id?: unknown }).id)})`;
