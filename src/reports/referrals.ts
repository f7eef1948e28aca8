import type { Tx } from '../db/client.ts';
import { incrementReferrals, referralTotals, type MonthRange } from '../db/reports.ts';
import { getServiceRows } from '../db/services.ts';
import { Problem } from '../problems.ts';
import { suppressSmall } from './k-anonymity.ts';
import { UNSPECIFIED_NEED } from './demand.ts';
import { currentMonth } from './month.ts';

/**
 * Referrals: a client system records that a worker referred a client to a service. Only
 * a count per (month, service, municipality, need) is kept: nothing of the client.
 */

export interface Referral {
  service_id: string;
  municipality: string;
  needs?: string[];
}

export async function recordReferral(tx: Tx, r: Referral, now: Date = new Date()): Promise<void> {
  const [service] = await getServiceRows(tx, [r.service_id]);
  if (!service) throw new Problem('unprocessable', `service ${r.service_id} does not exist`);
  await incrementReferrals(tx, {
    month: currentMonth(now),
    serviceId: r.service_id,
    municipality: r.municipality,
    needs: r.needs?.length ? r.needs : [UNSPECIFIED_NEED],
  });
}

export interface ReferralRow {
  month: string;
  service_id: string;
  service: string;
  organization_id: string;
  municipality: string;
  need: string;
  referrals: number | null;
  suppressed: boolean;
}

export async function referralReport(tx: Tx, range: MonthRange, organizationId: string | undefined, k: number): Promise<ReferralRow[]> {
  const rows = (await referralTotals(tx, range, organizationId)).map((t) => ({
    month: t.month,
    service_id: t.serviceId,
    service: t.serviceName,
    organization_id: t.organizationId,
    municipality: t.municipality,
    need: t.need,
    referrals: t.referrals,
  }));
  return suppressSmall(rows, (r) => r.referrals, ['referrals'], k);
}
