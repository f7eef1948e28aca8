import type { ServiceInput } from '../catalog/types.ts';

/**
 * Public authorities must arrange interpretation when a client does not speak Finnish or
 * Swedish, or needs sign language (Hallintolaki 434/2003, 26 §), so every service of a
 * public authority carries this HSDS `interpretation_services` text, and PTV owns it.
 */
export const AUTHORITY_INTERPRETATION =
  'Viranomainen järjestää tarvittaessa tulkkauksen, myös viittomakielen tulkkauksen (hallintolaki 26 §).';

export function withInterpretationServices(input: ServiceInput, publicAuthority: boolean): ServiceInput {
  const { interpretation_services: _previous, ...rest } = input;
  return publicAuthority ? { ...rest, interpretation_services: AUTHORITY_INTERPRETATION } : rest;
}
