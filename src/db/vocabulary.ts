import { sql } from 'drizzle-orm';
import { TAXONOMIES } from '../vocabulary/index.ts';
import type { Tx } from './client.ts';
import { taxonomies, taxonomyTerms } from './schema.ts';

/** Writes the shipped vocabulary into its tables; run after every migration. */
export async function seedVocabulary(tx: Tx): Promise<void> {
  await tx
    .insert(taxonomies)
    .values(TAXONOMIES.map((t) => ({ id: t.id, code: t.code, name: t.name, description: t.name, uri: t.uri })))
    .onConflictDoUpdate({
      target: taxonomies.id,
      set: { name: sql`excluded.name`, description: sql`excluded.description`, uri: sql`excluded.uri` },
    });
  await tx
    .insert(taxonomyTerms)
    .values(
      TAXONOMIES.flatMap((t) =>
        t.terms.map((term) => ({
          id: term.id,
          taxonomyId: t.id,
          code: term.code,
          name: term.labels.fi,
          description: `${term.labels.sv} / ${term.labels.en}`,
          labels: term.labels,
        })),
      ),
    )
    .onConflictDoUpdate({
      target: taxonomyTerms.id,
      set: { name: sql`excluded.name`, description: sql`excluded.description`, labels: sql`excluded.labels` },
    });
}
