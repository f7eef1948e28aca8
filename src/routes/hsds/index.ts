import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** The Open Referral HSDS 3.0 read API. */
const hsds: FastifyPluginAsyncTypebox = async () => {};

export default hsds;
