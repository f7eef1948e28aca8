import t, { type Test } from 'tap';
import { buildTestApp, withDevCatalog } from '../helpers/app.ts';

interface Hit {
  name: string;
  open_now?: boolean;
  always_open: boolean;
}

/** Tuesday 24 November 2026 in Finnish time (UTC+2). */
const TUESDAY_3AM = new Date('2026-11-24T01:00:00Z');
const TUESDAY_11AM = new Date('2026-11-24T09:00:00Z');

async function appAt(t: Test, moment: Date) {
  const ta = await buildTestApp(t, { clock: () => moment });
  await withDevCatalog(ta);
  return ta.app;
}

t.test('opening hours follow the clock the app is given', async (t) => {
  const night = await appAt(t, TUESDAY_3AM);
  const day = await appAt(t, TUESDAY_11AM);
  const openNow = async (app: typeof night) =>
    ((await app.inject({ method: 'GET', url: '/v1/search?open_now=true&limit=100' })).json() as { hits: Hit[] }).hits;

  const atNight = await openNow(night);
  t.ok(atNight.length > 0, 'something is open at night');
  t.ok(atNight.every((h) => h.always_open), 'at 3 am only services open around the clock are open');
  t.ok((await openNow(day)).some((h) => !h.always_open), 'at 11 am on a Tuesday office hours count');

  const acute = { profile: { needs: ['violence', 'crisis'], urgency: 'acute', municipality: '091', age: 30 }, limit: 10 };
  const results = ((await night.inject({ method: 'POST', url: '/v1/recommend', payload: acute })).json() as { results: Array<{ service: Hit }> }).results;
  const open = results.filter((r) => r.service.open_now);
  t.ok(open.length > 0, 'an acute recommendation at night lists services open now');
  t.ok(open.every((r) => r.service.always_open), 'and they are the ones open around the clock');
});

t.test('an acute situation gets help around the clock first, at noon as at night', async (t) => {
  const acute = { profile: { needs: ['violence', 'elderly', 'crime_victim'], urgency: 'acute', municipality: '140', age: 82 }, limit: 10 };
  for (const [label, moment] of [['at 3 am', TUESDAY_3AM], ['at 11 am', TUESDAY_11AM]] as const) {
    const app = await appAt(t, moment);
    const results = ((await app.inject({ method: 'POST', url: '/v1/recommend', payload: acute })).json() as { results: Array<{ service: Hit }> }).results;
    t.ok(results.slice(0, 2).every((r) => r.service.always_open), `${label}: ${results.slice(0, 2).map((r) => r.service.name).join(', ')}`);
  }
});
