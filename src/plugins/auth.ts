import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ensureAdminKey, findPrincipal, touchKey, type Principal } from '../db/keys.ts';
import { nameUuid } from '../vocabulary/index.ts';
import { Problem } from '../problems.ts';

/**
 * Who may write what. Every route that changes data declares `config.access`:
 * - `admin`: admin keys only;
 * - `organization`: admin keys, and editor keys for their own organization, checked by
 *   the handler with `request.authorizeOrganization` against the stored and new owner;
 * - `key`: any valid key, reader keys too (recording a referral, reading counted reports).
 * Otherwise reader keys write nothing. Reads are public. A write route without a rule is refused
 * when the app starts, so no route can be added unprotected.
 */
export type Access = 'admin' | 'organization' | 'key';

/** One route's rule as the app registered it: the table authorization tests walk. */
export interface RouteAccess {
  method: string;
  url: string;
  /** `public`: a write route open to everybody (PUBLIC_WRITE_ROUTES). */
  access: Access | 'public';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every write route and every route with an access rule, in registration order. */
    accessRules: RouteAccess[];
  }
  interface FastifyRequest {
    principal: Principal | null;
    authorizeOrganization(organizationId: string): void;
  }
}

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Requests with an unknown API key that one client address may make in a minute. */
export const FAILED_AUTHENTICATIONS_PER_MINUTE = 30;
/** Write routes open to everybody: they read, with the query in the body. */
export const PUBLIC_WRITE_ROUTES = new Set(['/v1/recommend']);

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new Problem('unauthorized', 'use the header Authorization: Bearer <key>');
  return m[1];
}

export interface AuthOptions {
  adminKey?: string;
}

export default fp<AuthOptions>(
  async function authPlugin(app: FastifyInstance, opts) {
    if (opts.adminKey) {
      await ensureAdminKey(app.database.db, nameUuid('admin-key:environment'), opts.adminKey);
    }
    app.decorateRequest('principal', null);
    app.decorateRequest('authorizeOrganization', function (this: FastifyRequest, organizationId: string) {
      const p = this.principal;
      if (!p) throw new Problem('unauthorized');
      if (p.role === 'admin') return;
      if (p.role === 'editor' && p.organizationId === organizationId) return;
      throw new Problem('forbidden', 'this key may write only its own organization\'s records');
    });

    const rules: RouteAccess[] = [];
    app.decorate('accessRules', rules);
    app.addHook('onRoute', (route) => {
      const methods = [route.method].flat();
      const writes = methods.some((m) => WRITE_METHODS.has(m));
      const access = route.config?.access;
      if (writes && !PUBLIC_WRITE_ROUTES.has(route.url) && !access) {
        throw new Error(`write route ${methods.join(',')} ${route.url} declares no access rule`);
      }
      for (const method of methods) {
        if (WRITE_METHODS.has(method) || (access && method !== 'HEAD')) {
          rules.push({ method, url: route.url, access: access ?? 'public' });
        }
      }
    });

    // Unknown keys per client address: someone trying made-up keys (each a hash and a
    // query) is stopped whatever keys they rotate through.
    const failedAuthentications = app.createRateLimit({
      max: FAILED_AUTHENTICATIONS_PER_MINUTE,
      timeWindow: 60_000,
      keyGenerator: (request) => `auth-failures:${request.ip}`,
    });
    const refuseUnknownKey = async (request: FastifyRequest): Promise<never> => {
      const limit = await failedAuthentications(request);
      if (!limit.isAllowed && limit.isExceeded) {
        throw new Problem('rate-limited', `too many requests with unknown API keys; retry after ${limit.ttlInSeconds} s`);
      }
      throw new Problem('unauthorized', 'unknown or revoked API key');
    };

    app.addHook('onRequest', async (request) => {
      const secret = bearer(request);
      if (!secret) return;
      const earlier = await failedAuthentications(request, { increment: false });
      if (!earlier.isAllowed && earlier.isExceeded) await refuseUnknownKey(request);
      const principal = await findPrincipal(app.database.db, secret);
      if (!principal) await refuseUnknownKey(request);
      request.principal = principal!;
      void touchKey(app.database.db, principal!.keyId).catch(() => {});
    });

    // Before body validation: a caller without the right learns nothing about the payload rules.
    app.addHook('preValidation', async (request) => {
      const access = request.routeOptions.config.access;
      if (!access) return;
      const p = request.principal;
      if (!p) throw new Problem('unauthorized', 'this request needs Authorization: Bearer <key>');
      if (access === 'key') return;
      if (p.role === 'reader') throw new Problem('forbidden', 'a reader key cannot write');
      if (access === 'admin' && p.role !== 'admin') throw new Problem('forbidden', 'this needs an admin key');
    });
  },
  { name: 'auth', dependencies: ['db', 'problem', '@fastify/rate-limit'] },
);
