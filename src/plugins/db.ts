import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { applyMigrations, connect, type Database } from '../db/client.ts';
import { seedVocabulary } from '../db/vocabulary.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
}

export interface DbPluginOptions {
  databaseUrl: string;
  /** Apply migrations and the vocabulary on start (the default). */
  migrate?: boolean;
}

export default fp<DbPluginOptions>(
  async function dbPlugin(app: FastifyInstance, opts) {
    const database = connect(opts.databaseUrl);
    if (opts.migrate !== false) {
      await applyMigrations(database, (db) => db.transaction((tx) => seedVocabulary(tx)));
    }
    app.decorate('database', database);
    app.addHook('onClose', () => database.close());
  },
  { name: 'db' },
);
