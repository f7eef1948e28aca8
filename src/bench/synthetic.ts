import type { Db } from '../db/client.ts';
import { attributes, services } from '../db/schema.ts';
import { getServiceRows } from '../db/services.ts';
import { MUNICIPALITIES, nameUuid } from '../vocabulary/index.ts';
import { sql } from 'drizzle-orm';

/**
 * A large catalog for benchmarks: copies of the imported services, each moved to
 * another municipality (and its wellbeing area), with ids of their own. Written with
 * multi-row inserts, bypassing the outbox; the index is then rebuilt in one go.
 */
export async function growCatalog(db: Db, target: number, batchSize = 1_000): Promise<number> {
  const templates = await getServiceRows(db, (await db.select({ id: services.id }).from(services)).map((r) => r.id));
  const links = await db.select().from(attributes);
  const linksOf = new Map<string, typeof links>();
  for (const l of links) linksOf.set(l.linkId, [...(linksOf.get(l.linkId) ?? []), l]);
  const active = templates.filter((t) => t.status === 'active');
  let created = 0;
  for (let start = templates.length; start < target; start += batchSize) {
    const rows: Array<typeof services.$inferInsert> = [];
    const attributeRows: Array<typeof attributes.$inferInsert> = [];
    for (let i = start; i < Math.min(target, start + batchSize); i++) {
      const t = active[i % active.length]!;
      const m = MUNICIPALITIES[(i * 7919) % MUNICIPALITIES.length]!;
      const id = nameUuid(`bench:service:${i}`);
      rows.push({
        ...t,
        id,
        name: `${t.name} ${m.fi}`,
        serviceAreas: t.serviceAreas.map((a) => ({
          ...a,
          id: nameUuid(`bench:area:${i}:${a.id}`),
          extent: a.extent.startsWith('kunta:') ? `kunta:${m.code}` : a.extent.startsWith('hva:') ? `hva:${m.area}` : a.extent,
        })),
        createdAt: undefined,
        updatedAt: undefined,
      });
      for (const l of linksOf.get(t.id) ?? []) {
        attributeRows.push({ ...l, id: nameUuid(`bench:attr:${i}:${l.id}`), linkId: id });
      }
    }
    await db.transaction(async (tx) => {
      await tx.insert(services).values(rows).onConflictDoNothing();
      if (attributeRows.length > 0) await tx.insert(attributes).values(attributeRows).onConflictDoNothing();
    });
    created += rows.length;
  }
  await db.execute(sql`analyze`);
  return created;
}
