import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { Problem, validationProblem } from '../../problems.ts';
import { closures, coverage, PROVIDER_TYPES, type ClosureRow, type CoverageRow } from '../../reports/coverage.ts';
import { toCsv, type CsvColumn } from '../../reports/csv.ts';
import { demandReport, UNSPECIFIED_NEED, type DemandRow } from '../../reports/demand.ts';
import { MONTH_PATTERN, monthRange } from '../../reports/month.ts';
import { recordReferral, referralReport, type ReferralRow } from '../../reports/referrals.ts';
import { resolveScope } from '../../reports/scope.ts';
import { IdempotencyHeader, idempotent, problems, sendStored, unknownCodes, unknownMunicipality, WRITE_SECURITY } from '../common.ts';

/**
 * Reports for structural social work: coverage and closures from the catalog (public),
 * demand and referral counts (any key; k-anonymous). Every report is JSON, or CSV with
 * `Accept: text/csv`.
 */

export interface ReportOptions {
  /** k: counts below it are suppressed. */
  minCount: number;
}

const tags = ['reports'];
const Code = Type.String({ pattern: '^[a-z_]+$', maxLength: 40 });
const MunicipalityCode = Type.String({ pattern: '^[0-9]{3}$', description: 'Statistics Finland municipality code' });
const Month = Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM' });

const ScopeQuery = {
  municipality: Type.Optional(MunicipalityCode),
  area: Type.Optional(Type.String({ pattern: '^[a-z-]+$', maxLength: 60, description: 'Wellbeing area slug (see /v1/areas)' })),
};
const RangeQuery = {
  from: Type.Optional(Type.String({ ...Month, description: 'First month (YYYY-MM); by default 11 months before `to`' })),
  to: Type.Optional(Type.String({ ...Month, description: 'Last month (YYYY-MM); by default the current month' })),
};

const Count = Type.Integer({ minimum: 0 });
const SuppressedCount = Type.Union([Count, Type.Null()]);
const Suppressed = Type.Boolean({ description: 'Counted fewer than k (5) times: the figures of the row are withheld' });

const CoverageRowSchema = Type.Object({
  municipality: Type.String(),
  need: Type.String(),
  local: Count,
  regional: Count,
  national: Count,
  by_provider: Type.Object(Object.fromEntries(PROVIDER_TYPES.map((p) => [p, Count])) as Record<(typeof PROVIDER_TYPES)[number], typeof Count>),
  stale: Count,
  ended_12m: Count,
  paused: Count,
});
const ClosureRowSchema = Type.Object({
  service_id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  organization_id: Type.String({ format: 'uuid' }),
  organization: Type.String(),
  change: Type.Union([Type.Literal('ended'), Type.Literal('paused')]),
  date: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'When; null for a pause older than the history' }),
  status: Type.String({ description: 'The status now (or `deleted`)' }),
  needs: Type.Array(Type.String()),
  areas: Type.Array(Type.String()),
});
const DemandRowSchema = Type.Object({
  month: Type.String(),
  municipality: Type.String(),
  need: Type.String({ description: `Need code, or \`${UNSPECIFIED_NEED}\` when none was named or read` }),
  requests: SuppressedCount,
  without_local: Type.Union([Count, Type.Null()], { description: 'Requests for which nothing in the municipality or its wellbeing area was found' }),
  without_any: Type.Union([Count, Type.Null()], { description: 'Requests for which nothing usable was found at all' }),
  suppressed: Suppressed,
});
const ReferralRowSchema = Type.Object({
  month: Type.String(),
  service_id: Type.String({ format: 'uuid' }),
  service: Type.String({ description: 'The service name' }),
  organization_id: Type.String({ format: 'uuid' }),
  municipality: Type.String(),
  need: Type.String(),
  referrals: SuppressedCount,
  suppressed: Suppressed,
});

/** A report's 200: JSON rows, or the same rows as CSV. */
const report = (row: TSchema, description: string) => ({
  description,
  content: {
    'application/json': { schema: Type.Object({ rows: Type.Array(row) }) },
    'text/csv': { schema: Type.String({ description: 'The same rows, UTF-8 with a header row; nested objects as column groups' }) },
  },
});

const coverageCsv: Array<CsvColumn<CoverageRow>> = [
  { header: 'municipality', value: (r) => r.municipality },
  { header: 'need', value: (r) => r.need },
  { header: 'local', value: (r) => r.local },
  { header: 'regional', value: (r) => r.regional },
  { header: 'national', value: (r) => r.national },
  ...PROVIDER_TYPES.map((p) => ({ header: `by_provider_${p}`, value: (r: CoverageRow) => r.by_provider[p] })),
  { header: 'stale', value: (r) => r.stale },
  { header: 'ended_12m', value: (r) => r.ended_12m },
  { header: 'paused', value: (r) => r.paused },
];
const closureCsv: Array<CsvColumn<ClosureRow>> = (
  ['service_id', 'name', 'organization_id', 'organization', 'change', 'date', 'status', 'needs', 'areas'] as const
).map((k) => ({ header: k, value: (r) => r[k] }));
const demandCsv: Array<CsvColumn<DemandRow>> = (
  ['month', 'municipality', 'need', 'requests', 'without_local', 'without_any', 'suppressed'] as const
).map((k) => ({ header: k, value: (r) => r[k] }));
const referralCsv: Array<CsvColumn<ReferralRow>> = (
  ['month', 'service_id', 'service', 'organization_id', 'municipality', 'need', 'referrals', 'suppressed'] as const
).map((k) => ({ header: k, value: (r) => r[k] }));

/** Whether the client asked for CSV (`Accept: text/csv`, not refused with q=0). */
function wantsCsv(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.split(',').some((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    return type === 'text/csv' && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

function sendReport<T>(request: FastifyRequest, reply: FastifyReply, rows: T[], columns: Array<CsvColumn<T>>, name: string) {
  reply.header('vary', 'Accept');
  if (!wantsCsv(request)) return reply.send({ rows });
  return reply
    .type('text/csv; charset=utf-8; header=present')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(toCsv(columns, rows));
}

const reports: FastifyPluginAsyncTypebox<ReportOptions> = async (app, opts) => {
  const db = () => app.database.db;
  const k = opts.minCount;

  app.get('/reports/coverage', {
    schema: {
      tags,
      operationId: 'coverageReport',
      summary: 'Services a resident can use, per municipality and need',
      description:
        'For each municipality (one, or a wellbeing area\'s) and need: active services of the municipality (`local`), ' +
        'of its wellbeing area (`regional`) and national ones, each counted once at its closest area; the same by ' +
        'provider type; how many of them are stale (not verified in 12 months); how many ended in the last 12 months ' +
        '(set inactive or defunct, or deleted, and not back) and how many are or were paused (temporarily closed) in ' +
        'that time, from the audit log. Public. `Accept: text/csv` for CSV.',
      querystring: Type.Object({
        ...ScopeQuery,
        need: Type.Optional(Type.Array(Code, { maxItems: 30, description: 'Only these needs' })),
        provider_type: Type.Optional(Type.Array(Code, { maxItems: 4, description: 'Only services of these provider types' })),
      }),
      response: { 200: report(CoverageRowSchema, 'One row per municipality and need'), ...problems(400) },
    },
  }, async (request, reply) => {
    const { need, provider_type: providerType } = request.query;
    const errors = [...unknownCodes('querystring/need', 'need', need), ...unknownCodes('querystring/provider_type', 'provider_type', providerType)];
    if (errors.length > 0) throw validationProblem(errors);
    const scope = resolveScope(request.query);
    const rows = await coverage(db(), scope, { needs: need, providerTypes: providerType });
    return sendReport(request, reply, rows, coverageCsv, 'coverage');
  });

  app.get('/reports/closures', {
    schema: {
      tags,
      operationId: 'closuresReport',
      summary: 'Services that ended or were paused in the last 12 months',
      description:
        'Services offered to residents of the municipality or wellbeing area (locally, regionally or nationally) that ' +
        'ended in the last 12 months (`ended`: inactive, defunct or deleted now, the ending dated by the audit log), or ' +
        'that are temporarily closed now or were in that time (`paused`). The latest first. Public.',
      querystring: Type.Object(ScopeQuery),
      response: { 200: report(ClosureRowSchema, 'One row per service'), ...problems(400) },
    },
  }, async (request, reply) => {
    const rows = await closures(db(), resolveScope(request.query));
    return sendReport(request, reply, rows, closureCsv, 'closures');
  });

  app.get('/reports/demand', {
    config: { access: 'key' },
    schema: {
      tags,
      operationId: 'demandReport',
      summary: 'Recommend requests and unmet needs by month (k-anonymous)',
      description:
        'Every successful recommend that names a municipality counts once per need (read from the text or given) in ' +
        'its month. `without_local`: nothing usable in the municipality or its wellbeing area; `without_any`: nothing ' +
        `usable at all. A cell counted fewer than k times (k = 5 unless configured higher) has its figures withheld ` +
        '(`suppressed: true`). Needs any API key.',
      security: WRITE_SECURITY,
      querystring: Type.Object({ ...ScopeQuery, ...RangeQuery }),
      response: { 200: report(DemandRowSchema, 'One row per month, municipality and need'), ...problems(400, 401) },
    },
  }, async (request, reply) => {
    const scope = resolveScope(request.query);
    const rows = await demandReport(db(), scope, monthRange(request.query.from, request.query.to), k);
    return sendReport(request, reply, rows, demandCsv, 'demand');
  });

  app.post('/referrals', {
    config: { access: 'key' },
    schema: {
      tags,
      operationId: 'recordReferral',
      summary: 'Record that a client was referred to a service',
      description:
        'A client system tells that a worker referred a client to a service. Only a count per month, service, ' +
        'municipality and need is kept; no personal data is accepted (unknown fields are rejected). Any API key. ' +
        'Send Idempotency-Key to make retries safe.',
      security: WRITE_SECURITY,
      headers: IdempotencyHeader,
      body: Type.Object(
        {
          service_id: Type.String({ format: 'uuid' }),
          municipality: Type.String({ ...MunicipalityCode, description: "The client's municipality" }),
          needs: Type.Optional(Type.Array(Code, { maxItems: 20, uniqueItems: true, description: 'Need codes the referral answers' })),
        },
        { additionalProperties: false },
      ),
      response: {
        202: Type.Object({ recorded: Type.Literal(true) }, { description: 'Counted' }),
        ...problems(400, 401, 415, 422),
      },
    },
  }, async (request, reply) => {
    const body = request.body;
    const errors = [
      ...unknownCodes('body/needs', 'need', body.needs),
      ...unknownMunicipality('body/municipality', body.municipality),
    ];
    if (errors.length > 0) throw validationProblem(errors);
    const res = await db().transaction((tx) =>
      idempotent(request, tx, async () => {
        await recordReferral(tx, body);
        return { statusCode: 202, body: { recorded: true } };
      }),
    );
    return sendStored(reply, res);
  });

  app.get('/reports/referrals', {
    config: { access: 'key' },
    schema: {
      tags,
      operationId: 'referralReport',
      summary: 'Referrals per service, month, need and municipality (k-anonymous)',
      description:
        'An editor key sees only its own organization\'s services (another organization is 403); reader and admin ' +
        'keys see all, or one organization with `organization_id`. Cells counted fewer than k times (k = 5 unless ' +
        'configured higher) are suppressed.',
      security: WRITE_SECURITY,
      querystring: Type.Object({ organization_id: Type.Optional(Type.String({ format: 'uuid' })), ...RangeQuery }),
      response: { 200: report(ReferralRowSchema, 'One row per month, service, municipality and need'), ...problems(400, 401, 403) },
    },
  }, async (request, reply) => {
    const organizationId = visibleOrganization(request, request.query.organization_id);
    const rows = await referralReport(db(), monthRange(request.query.from, request.query.to), organizationId, k);
    return sendReport(request, reply, rows, referralCsv, 'referrals');
  });
};

/** The organization whose referrals the caller may see: an editor its own only. */
function visibleOrganization(request: FastifyRequest, asked: string | undefined): string | undefined {
  const p = request.principal;
  if (p?.role !== 'editor') return asked;
  if (!p.organizationId || (asked !== undefined && asked !== p.organizationId)) {
    throw new Problem('forbidden', "an editor key sees only its own organization's referrals");
  }
  return p.organizationId;
}

export default reports;
