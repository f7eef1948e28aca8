/**
 * Public authorities must arrange interpretation when a client does not speak Finnish or
 * Swedish, or needs sign language (Hallintolaki 434/2003, 26 §), so every service of a
 * public authority carries this HSDS `interpretation_services` text. It lives in the
 * service's `extra` (HSDS fields the catalog keeps as they are); this is the one place
 * that knows where.
 */
export const AUTHORITY_INTERPRETATION =
  'Viranomainen järjestää tarvittaessa tulkkauksen, myös viittomakielen tulkkauksen (hallintolaki 26 §).';

export function withInterpretationServices(extra: Record<string, unknown>, publicAuthority: boolean): Record<string, unknown> {
  const { interpretation_services: _previous, ...rest } = extra;
  return publicAuthority ? { ...rest, interpretation_services: AUTHORITY_INTERPRETATION } : rest;
}
