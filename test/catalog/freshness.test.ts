import t from 'tap';
import { isStale, staleCutoff } from '../../src/catalog/freshness.ts';

t.test('a listing stays current through the same calendar day a year later', async (t) => {
  const now = new Date('2026-11-23T10:00:00Z');
  t.equal(staleCutoff(now), '2025-11-23');
  t.equal(isStale('2025-11-23', now), false, 'verified exactly a year ago');
  t.equal(isStale('2025-11-22', now), true, 'a year and a day ago');
  t.equal(isStale('2026-11-23', now), false, 'verified today');
});

t.test('the day is the day in Finland, not in UTC', async (t) => {
  // 22:30 UTC on 23 November is already 24 November in Helsinki.
  const now = new Date('2026-11-23T22:30:00Z');
  t.equal(staleCutoff(now), '2025-11-24');
  t.equal(isStale('2025-11-23', now), true);
});

t.test('a leap day has its twin on 1 March a year back', async (t) => {
  t.equal(staleCutoff(new Date('2028-02-29T12:00:00Z')), '2027-03-01');
});

t.test('a listing never verified is stale', async (t) => {
  t.equal(isStale(null), true);
  t.equal(isStale(undefined), true);
});
