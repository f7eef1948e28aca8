import type { Ajv } from 'ajv';
import type { FormatDefinition } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { Format } from 'typebox/format';

/**
 * String formats as strict as PostgreSQL, which stores what they describe: a value the
 * schema accepts must never fail later in an INSERT or a query (a 500).
 * - `uuid`: only the canonical hex form (ajv-formats also takes `urn:uuid:…`);
 * - `date`: years 0001–9999 (PostgreSQL has no year 0);
 * - `date-time`: the same years, and UTC offsets up to ±15:59 as PostgreSQL takes them.
 * The request schemas are checked by Ajv (`storableFormats`), catalog
 * files and merge patches by TypeBox, whose registry this module sets when loaded.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YEAR_ZERO = /^0000-/;
const OFFSET = /([+-])(\d\d):?(\d\d)$/;
const MAX_OFFSET_HOURS = 15;

const validatorOf = (format: unknown): ((s: string) => boolean) => {
  const f = format as FormatDefinition<string> | ((s: string) => boolean);
  return typeof f === 'function' ? f : (f.validate as (s: string) => boolean);
};
const ajvDate = validatorOf(fullFormats.date);
const ajvDateTime = validatorOf(fullFormats['date-time']);

export const isStorableUuid = (s: string) => UUID.test(s);
export const isStorableDate = (s: string) => ajvDate(s) && !YEAR_ZERO.test(s);
export function isStorableDateTime(s: string): boolean {
  if (!ajvDateTime(s) || YEAR_ZERO.test(s)) return false;
  const offset = OFFSET.exec(s);
  return !offset || Number(offset[2]) <= MAX_OFFSET_HOURS;
}

/** For Fastify's Ajv `onCreate`: run after ajv-formats, it replaces these three formats. */
export function storableFormats(ajv: Ajv): void {
  ajv.addFormat('uuid', isStorableUuid);
  ajv.addFormat('date', isStorableDate);
  ajv.addFormat('date-time', isStorableDateTime);
}

Format.Set('uuid', isStorableUuid);
Format.Set('date', isStorableDate);
Format.Set('date-time', isStorableDateTime);
