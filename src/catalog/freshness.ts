/**
 * When a listing counts as stale: its provider has not verified it (`assured_date`) in
 * the last 12 months. One definition for the records, search hits, recommendations and
 * the provider's reminder list, so they never disagree about a listing near the boundary.
 * Staleness is judged when read, never stored: a listing turns stale with time alone.
 */

const STALE_AFTER_YEARS = 1;

const finnishDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today's date in Finland (`YYYY-MM-DD`), where the providers verify their listings: in
 * UTC, a check made between midnight and 02:00/03:00 Finnish time would be dated the day before.
 */
export const today = (now: Date = new Date()): string => finnishDate.format(now);

/** The oldest `assured_date` still current on `now`'s date in Finland (`YYYY-MM-DD`). */
export function staleCutoff(now: Date = new Date()): string {
  const [y = 0, m = 1, d = 1] = today(now).split('-').map(Number);
  // 29 February has no twin a year back; Date.UTC rolls it over to 1 March.
  return new Date(Date.UTC(y - STALE_AFTER_YEARS, m - 1, d)).toISOString().slice(0, 10);
}

export function isStale(assuredDate: string | null | undefined, now: Date = new Date()): boolean {
  return !assuredDate || assuredDate < staleCutoff(now);
}
