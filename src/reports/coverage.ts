import { isStale } from '../catalog/freshness.ts';
import type { Tx } from '../db/client.ts';
import {
  serviceStatusEvents,
  servicesByIdOfferedIn,
  servicesOfferedIn,
  type ReportedService,
  type StatusEvent,
} from '../db/reports.ts';
import { termsOf } from '../vocabulary/index.ts';
import { twelveMonthsAgo } from './month.ts';
import { reachedMunicipalities, type Scope } from './scope.ts';

/**
 * Coverage: what a resident of each municipality can use for each need, from the
 * catalog as it is now and the history it keeps (the audit log).
 *
 * - `local`, `regional`, `national`: active services offered in the municipality, in
 *   its wellbeing area, or in the whole country (each service counted once, at the
 *   closest of its areas);
 * - `by_provider`: the same services by their organization's provider type;
 * - `stale`: of them, those not verified in 12 months;
 * - `ended_12m`: services that ended (set inactive or defunct, or deleted) in the last
 *   12 months and have not come back;
 * - `paused`: services temporarily closed now, or at some time in the last 12 months.
 */

export const PROVIDER_TYPES = ['public', 'ngo', 'parish', 'private'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export interface CoverageFilters {
  needs?: string[];
  providerTypes?: string[];
}

export interface CoverageRow {
  municipality: string;
  need: string;
  local: number;
  regional: number;
  national: number;
  by_provider: Record<ProviderType, number>;
  stale: number;
  ended_12m: number;
  paused: number;
}

export type Closure = 'ended' | 'paused';

export interface ClosureRow {
  service_id: string;
  name: string;
  organization_id: string;
  organization: string;
  change: Closure;
  /** When it ended or was paused (`YYYY-MM-DD`); null for a pause older than the history. */
  date: string | null;
  status: string;
  needs: string[];
  areas: string[];
}

const ENDED = new Set(['inactive', 'defunct', 'deleted']);

const isEnded = (s: ReportedService) => s.deleted || ENDED.has(s.status);

interface ClosedService {
  service: ReportedService;
  change: Closure;
  date: string | null;
}

/**
 * Services that ended or were paused in the last 12 months, in the scope: a service is
 * `ended` when it is ended now and its last ending is in the window, otherwise `paused`
 * when it is temporarily closed now or was paused in the window.
 */
async function closedServices(tx: Tx, scope: Scope, now: Date): Promise<ClosedService[]> {
  const events = await serviceStatusEvents(tx, twelveMonthsAgo(now));
  const lastEnd = new Map<string, StatusEvent>();
  const lastPause = new Map<string, StatusEvent>();
  for (const e of events) {
    if (ENDED.has(e.to)) lastEnd.set(e.serviceId, e);
    if (e.to === 'temporarily closed') lastPause.set(e.serviceId, e);
  }
  const changed = await servicesByIdOfferedIn(tx, [...new Set(events.map((e) => e.serviceId))], scope.extents);
  const pausedNow = (await servicesOfferedIn(tx, scope.extents)).filter((s) => s.status === 'temporarily closed');
  const byId = new Map([...changed, ...pausedNow].map((s) => [s.id, s]));
  const out: ClosedService[] = [];
  for (const service of byId.values()) {
    const ended = isEnded(service) ? lastEnd.get(service.id) : undefined;
    const paused = lastPause.get(service.id);
    if (ended) out.push({ service, change: 'ended', date: ended.date });
    else if (paused || service.status === 'temporarily closed') out.push({ service, change: 'paused', date: paused?.date ?? null });
  }
  return out;
}

/** The ended and paused listings of the last 12 months, the latest first. */
export async function closures(tx: Tx, scope: Scope, now: Date = new Date()): Promise<ClosureRow[]> {
  return (await closedServices(tx, scope, now))
    .map(({ service: s, change, date }) => ({
      service_id: s.id,
      name: s.name,
      organization_id: s.organizationId,
      organization: s.organizationName,
      change,
      date,
      status: s.deleted ? 'deleted' : s.status,
      needs: s.needs,
      areas: s.extents,
    }))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.name.localeCompare(b.name, 'fi'));
}

const emptyRow = (municipality: string, need: string): CoverageRow => ({
  municipality,
  need,
  local: 0,
  regional: 0,
  national: 0,
  by_provider: { public: 0, ngo: 0, parish: 0, private: 0 },
  stale: 0,
  ended_12m: 0,
  paused: 0,
});

export async function coverage(tx: Tx, scope: Scope, filters: CoverageFilters, now: Date = new Date()): Promise<CoverageRow[]> {
  const needs = filters.needs?.length ? filters.needs : termsOf('need').map((t) => t.code);
  const ofProvider = (s: { providerType: string | null }) =>
    !filters.providerTypes?.length || (s.providerType !== null && filters.providerTypes.includes(s.providerType));
  const active = (await servicesOfferedIn(tx, scope.extents)).filter((s) => s.status === 'active' && ofProvider(s));
  const closed = (await closedServices(tx, scope, now)).filter((c) => ofProvider(c.service));

  const rows = new Map<string, CoverageRow>();
  for (const m of scope.municipalities) for (const need of needs) rows.set(`${m.code}:${need}`, emptyRow(m.code, need));
  // Each service adds to the rows it reaches, so a national one costs a pass over the
  // municipalities, not a pass over every service for each row.
  const rowsOf = function* (s: ReportedService) {
    for (const [code, reach] of reachedMunicipalities(s.extents, scope)) {
      for (const need of s.needs) {
        const row = rows.get(`${code}:${need}`);
        if (row) yield { row, reach };
      }
    }
  };
  for (const s of active) {
    const stale = isStale(s.assuredDate, now);
    for (const { row, reach } of rowsOf(s)) {
      row[reach]++;
      if (s.providerType && s.providerType in row.by_provider) row.by_provider[s.providerType as ProviderType]++;
      if (stale) row.stale++;
    }
  }
  for (const c of closed) {
    for (const { row } of rowsOf(c.service)) row[c.change === 'ended' ? 'ended_12m' : 'paused']++;
  }
  return [...rows.values()];
}
