import { Meilisearch, MeilisearchApiError, type EnqueuedTask, type Index, type SearchParams, type SearchResponse, type Task } from 'meilisearch';
import type { IndexedDocument, SearchDocument } from './document.ts';
import { meiliHttpClient } from './http-client.ts';
import { INDEX_SETTINGS } from './settings.ts';

/**
 * The Meilisearch side: one index (its name is stable; `rebuild` fills a fresh index and
 * swaps it in atomically, so queries never see a half-built index).
 */
export class SearchEngine {
  readonly client: Meilisearch;

  constructor(
    url: string,
    apiKey: string | undefined,
    readonly indexName: string,
  ) {
    this.client = new Meilisearch({ host: url, apiKey, timeout: 5_000, httpClient: meiliHttpClient });
  }

  /**
   * Waits until an enqueued task has succeeded (throws if it failed). Our own poll: the
   * client's `waitTask` leaves an abort listener behind for every poll.
   */
  async done(enqueued: Promise<EnqueuedTask>): Promise<Task> {
    const { taskUid } = await enqueued;
    const deadline = Date.now() + TASK_TIMEOUT_MS;
    for (;;) {
      const task = await this.client.tasks.getTask(taskUid);
      if (task.status === 'succeeded') return task;
      if (task.status === 'failed' || task.status === 'canceled') {
        throw new Error(`search index task ${task.status}: ${task.error?.message ?? ''}`);
      }
      if (Date.now() > deadline) throw new Error(`search index task ${taskUid} did not finish in time`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  get index(): Index<SearchDocument> {
    return this.client.index<SearchDocument>(this.indexName);
  }

  async isHealthy(): Promise<boolean> {
    try {
      return await this.client.isHealthy();
    } catch {
      return false;
    }
  }

  private async prepare(name: string): Promise<void> {
    const exists = await this.client
      .getIndex(name)
      .then(() => true)
      .catch(() => false);
    if (!exists) await this.done(this.client.createIndex(name, { primaryKey: 'id' }));
    await this.done(this.client.index(name).updateSettings(INDEX_SETTINGS));
  }

  /** Creates the index if needed and applies the settings in code. */
  async ensureIndex(): Promise<void> {
    await this.prepare(this.indexName);
  }

  /** Applies a batch of changes and waits until they are searchable. */
  async apply(upsert: IndexedDocument[], remove: string[], indexName = this.indexName): Promise<void> {
    const index = this.client.index<IndexedDocument>(indexName);
    if (upsert.length > 0) await this.done(index.addDocuments(upsert));
    if (remove.length > 0) await this.done(index.deleteDocuments(remove));
  }

  async search(q: string, params: SearchParams): Promise<SearchResponse<SearchDocument>> {
    return this.index.search(q, params);
  }

  /** Where the fingerprint of what built the live index is kept (see fingerprint.ts). */
  private get stateIndex(): Index<IndexState> {
    return this.client.index<IndexState>(`${this.indexName}_state`);
  }

  /** The fingerprint the live index was built with; undefined when none was recorded. */
  async builtWith(): Promise<string | undefined> {
    try {
      return (await this.stateIndex.getDocument(STATE_ID)).fingerprint;
    } catch (err) {
      if (['index_not_found', 'document_not_found'].includes(apiErrorCode(err) ?? '')) return undefined;
      throw err;
    }
  }

  async markBuiltWith(fingerprint: string): Promise<void> {
    await this.done(this.stateIndex.addDocuments([{ id: STATE_ID, fingerprint }], { primaryKey: 'id' }));
  }

  /**
   * Builds a new index from `batches` and swaps it in for the live one; the old one is
   * then deleted. Writes that reach the live index meanwhile must be replayed by the
   * caller (see reindex.ts).
   */
  async rebuild(batches: AsyncIterable<IndexedDocument[]>): Promise<number> {
    const fresh = `${this.indexName}_build_${Date.now()}`;
    await this.prepare(fresh);
    let count = 0;
    try {
      for await (const batch of batches) {
        await this.apply(batch, [], fresh);
        count += batch.length;
      }
      await this.prepare(this.indexName);
      await this.done(this.client.swapIndexes([{ indexes: [this.indexName, fresh], rename: false }]));
    } finally {
      await this.done(this.client.deleteIndex(fresh)).catch(() => {});
    }
    return count;
  }
}

interface IndexState {
  id: string;
  fingerprint: string;
}

const STATE_ID = 'index';

/** The code of an error Meilisearch answered with (`index_not_found`…), unwrapped from the client's request error. */
function apiErrorCode(err: unknown): string | undefined {
  const answered = err instanceof MeilisearchApiError ? err : err instanceof Error && err.cause instanceof MeilisearchApiError ? err.cause : undefined;
  return answered?.cause?.code;
}

const TASK_TIMEOUT_MS = 60_000;
const POLL_MS = 10;
