/**
 * Words a service's taxonomy terms stand for, beyond their labels: document expansion,
 * so that a query in everyday words ("pikavippi", "koditon", "vanhus") finds services
 * tagged with the term.
 */
export function expansionsOf(_taxonomy: string, _code: string): string[] {
  return [];
}

export function expansionWords(): string[] {
  return [];
}
