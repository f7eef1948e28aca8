import path from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { MIN_K } from './reports/k-anonymity.ts';
import type { OverloadPolicy } from './plugins/overload.ts';
import { DEFAULT_HTTP_OPTIONS, type PtvHttpOptions } from './ptv/http-client.ts';

const LogLevel = Type.Union([
  Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'),
  Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent'),
]);

const EnvSchema = Type.Object({
  PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  HOST: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  MEILI_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  MEILI_MASTER_KEY: Type.Optional(Type.String()),
  MEILI_BIN: Type.Optional(Type.String({ minLength: 1 })),
  TARJOTIN_DATA_DIR: Type.Optional(Type.String({ minLength: 1 })),
  TARJOTIN_ADMIN_KEY: Type.Optional(Type.String({ minLength: 16 })),
  TARJOTIN_CORS_ORIGINS: Type.Optional(Type.String()),
  TARJOTIN_RATE_LIMIT: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  TARJOTIN_PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+(/[^?#]*)?$' })),
  TARJOTIN_REQUEST_TIMEOUT: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  TARJOTIN_REPORT_MIN_COUNT: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  TARJOTIN_OVERLOAD_DELAY_MS: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
  TARJOTIN_OVERLOAD_UTILIZATION: Type.Optional(Type.String({ pattern: '^(0(\\.[0-9]+)?|1(\\.0+)?)$' })),
  TARJOTIN_OVERLOAD_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  LOG_LEVEL: Type.Optional(LogLevel),
  PTV_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  PTV_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$' })),
  PTV_ATTEMPTS: Type.Optional(Type.String({ pattern: '^[1-9][0-9]?$' })),
  PTV_BACKOFF_MS: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$' })),
  PTV_MAX_BACKOFF_MS: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$' })),
  PTV_REQUEST_INTERVAL_MS: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })),
});

export type LogLevel = Static<typeof LogLevel>;

/** Where the two backing stores are; resolved before the app is built. */
export interface Backends {
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string | undefined;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Externally managed stores; `undefined` means "run the embedded default". */
  databaseUrl: string | undefined;
  meiliUrl: string | undefined;
  meiliKey: string | undefined;
  meiliBin: string | undefined;
  adminKey: string | undefined;
  /** Origins allowed to call the read API from a browser; `*` allows every origin. */
  corsOrigins: string[] | '*';
  /** Requests per minute per API key or IP. */
  rateLimit: number;
  /** The absolute address clients reach the API at (no trailing slash), for links that must be absolute. */
  publicUrl: string | undefined;
  /** A request (headers and body) must arrive within this time. */
  requestTimeoutMs: number;
  /** k of the k-anonymous reports: counts below it are suppressed; never below 5. */
  reportMinCount: number;
  logLevel: LogLevel;
  /** When the instance sheds load (503): see src/plugins/overload.ts. */
  overload: OverloadPolicy;
  /** Name of the Meilisearch index (an alias swapped on reindex). */
  indexName: string;
  /** How `ptv sync` reads PTV's open API. */
  ptv: PtvHttpOptions;
}

export class ConfigError extends Error {}

/** PTV's production open API, version 11. */
export const PTV_PRODUCTION_URL = 'https://api.palvelutietovaranto.suomi.fi/api/v11';

const numberOr = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));

/** Reads and validates the environment once; every entry point calls this. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(EnvSchema.properties)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const errors = [...Value.Errors(EnvSchema, picked)];
  if (errors.length > 0) {
    const detail = errors.map((e) => `${e.instancePath.slice(1)}: ${e.message}`).join('; ');
    throw new ConfigError(`invalid environment: ${detail}`);
  }
  const e = picked as Static<typeof EnvSchema>;
  const port = Number(e.PORT ?? 3000);
  if (port > 65535) throw new ConfigError('invalid environment: PORT: must be at most 65535');
  if (e.TARJOTIN_REQUEST_TIMEOUT === '0') throw new ConfigError('invalid environment: TARJOTIN_REQUEST_TIMEOUT: must be at least 1 (seconds)');
  const reportMinCount = Number(e.TARJOTIN_REPORT_MIN_COUNT ?? MIN_K);
  if (reportMinCount < MIN_K) throw new ConfigError(`invalid environment: TARJOTIN_REPORT_MIN_COUNT: must be at least ${MIN_K}`);
  const origins = (e.TARJOTIN_CORS_ORIGINS ?? '*').split(',').map((s) => s.trim()).filter(Boolean);
  return {
    port,
    host: e.HOST ?? '127.0.0.1',
    dataDir: path.resolve(e.TARJOTIN_DATA_DIR ?? '.data'),
    databaseUrl: e.DATABASE_URL,
    meiliUrl: e.MEILI_URL,
    meiliKey: e.MEILI_MASTER_KEY,
    meiliBin: e.MEILI_BIN,
    adminKey: e.TARJOTIN_ADMIN_KEY,
    corsOrigins: origins.includes('*') ? '*' : origins,
    rateLimit: Number(e.TARJOTIN_RATE_LIMIT ?? 600),
    publicUrl: e.TARJOTIN_PUBLIC_URL?.replace(/\/+$/, ''),
    requestTimeoutMs: Number(e.TARJOTIN_REQUEST_TIMEOUT ?? 30) * 1000,
    reportMinCount,
    logLevel: e.LOG_LEVEL ?? 'info',
    overload: {
      maxDelayMs: numberOr(e.TARJOTIN_OVERLOAD_DELAY_MS, 2000),
      maxUtilization: numberOr(e.TARJOTIN_OVERLOAD_UTILIZATION, 0.95),
      sustainSeconds: numberOr(e.TARJOTIN_OVERLOAD_SECONDS, 10),
    },
    indexName: 'services',
    ptv: {
      baseUrl: e.PTV_BASE_URL ?? PTV_PRODUCTION_URL,
      timeoutMs: numberOr(e.PTV_TIMEOUT_MS, DEFAULT_HTTP_OPTIONS.timeoutMs),
      attempts: numberOr(e.PTV_ATTEMPTS, DEFAULT_HTTP_OPTIONS.attempts),
      backoffMs: numberOr(e.PTV_BACKOFF_MS, DEFAULT_HTTP_OPTIONS.backoffMs),
      maxBackoffMs: numberOr(e.PTV_MAX_BACKOFF_MS, DEFAULT_HTTP_OPTIONS.maxBackoffMs),
      minIntervalMs: numberOr(e.PTV_REQUEST_INTERVAL_MS, DEFAULT_HTTP_OPTIONS.minIntervalMs),
    },
  };
}
