import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A polite HTTP client for PTV's open API: one request at a time with a minimum gap
 * between requests, a timeout per request, and retries with exponential backoff (capped)
 * for timeouts, network errors, 429 and 5xx answers. A 404 is an answer, not a failure:
 * PTV says so for archived and withdrawn items.
 */

export interface PtvHttpOptions {
  baseUrl: string;
  /** Per request, milliseconds. */
  timeoutMs: number;
  /** Attempts per request (the first one included). */
  attempts: number;
  /** Backoff before the second attempt; doubles each time up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Minimum gap between the starts of two requests. */
  minIntervalMs: number;
}

export const DEFAULT_HTTP_OPTIONS: Omit<PtvHttpOptions, 'baseUrl'> = {
  timeoutMs: 30_000,
  attempts: 4,
  backoffMs: 1_000,
  maxBackoffMs: 15_000,
  minIntervalMs: 200,
};

/** PTV could not be read: the sync stops before it writes anything. */
export class PtvUnavailable extends Error {}

/** Responses are bounded: the largest real page (100 full services) is a few megabytes. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class PtvHttpClient {
  private lastStart = 0;
  /** Requests made, retries included (for the summary line). */
  requests = 0;

  constructor(private readonly opts: PtvHttpOptions) {}

  /** GET of a path under the API root; `undefined` for a 404. */
  async get<T>(path: string, query: Record<string, string | number | boolean | undefined> = {}): Promise<T | undefined> {
    const url = this.urlOf(path, query);
    let lastError = '';
    for (let attempt = 1; attempt <= this.opts.attempts; attempt++) {
      if (attempt > 1) await sleep(Math.min(this.opts.backoffMs * 2 ** (attempt - 2), this.opts.maxBackoffMs));
      await this.waitTurn();
      const result = await this.attempt<T>(url);
      if (result.kind === 'ok') return result.body;
      if (result.kind === 'not-found') return undefined;
      lastError = result.reason;
      if (!result.retry) break;
    }
    throw new PtvUnavailable(`PTV did not answer ${url.pathname}${url.search}: ${lastError}`);
  }

  private urlOf(path: string, query: Record<string, string | number | boolean | undefined>): URL {
    const url = new URL(`${this.opts.baseUrl.replace(/\/+$/, '')}${path}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  private async waitTurn(): Promise<void> {
    const wait = this.lastStart + this.opts.minIntervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    this.lastStart = Date.now();
  }

  private async attempt<T>(
    url: URL,
  ): Promise<{ kind: 'ok'; body: T } | { kind: 'not-found' } | { kind: 'failed'; reason: string; retry: boolean }> {
    this.requests++;
    try {
      const res = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      if (res.status === 404) {
        await res.body?.cancel();
        return { kind: 'not-found' };
      }
      if (!res.ok) {
        await res.body?.cancel();
        return { kind: 'failed', reason: `HTTP ${res.status}`, retry: res.status === 429 || res.status >= 500 };
      }
      const text = await boundedText(res);
      if (text === undefined) return { kind: 'failed', reason: `answer larger than ${MAX_BODY_BYTES} bytes`, retry: false };
      try {
        return { kind: 'ok', body: JSON.parse(text) as T };
      } catch {
        return { kind: 'failed', reason: 'the answer is not JSON', retry: true };
      }
    } catch (err) {
      const e = err as Error;
      const reason = e.name === 'TimeoutError' ? `no answer in ${this.opts.timeoutMs} ms` : `${e.message}${causeOf(e)}`;
      return { kind: 'failed', reason, retry: true };
    }
  }
}

/** The body as text, or undefined once it passes the size limit (the rest is not read). */
async function boundedText(res: Response): Promise<string | undefined> {
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) {
      await res.body.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function causeOf(e: Error): string {
  const cause = e.cause as { code?: string; message?: string } | undefined;
  return cause ? ` (${cause.code ?? cause.message ?? 'unknown'})` : '';
}
