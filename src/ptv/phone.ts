import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number as a Finnish user dials it: a Finnish number in the national format
 * with its leading zero (`044 7110201`, `0800 990123`), a foreign one in the
 * international format. PTV stores `+358` and the number without the leading zero, or a
 * Finnish service number without a prefix.
 */
export function dialable(prefix: string | null | undefined, number: string | null | undefined): string | undefined {
  const digits = (number ?? '').replace(/[^0-9]/g, '');
  if (digits.length < 3) return undefined;
  const raw = prefix ? `${prefix.trim()}${digits}` : digits;
  const parsed = parsePhoneNumberFromString(raw, 'FI');
  if (!parsed) return raw.length <= 40 ? raw : undefined;
  return parsed.country === 'FI' || parsed.countryCallingCode === '358' ? parsed.formatNational() : parsed.formatInternational();
}
