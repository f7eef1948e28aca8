import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

const recommend: FastifyPluginAsyncTypebox = async () => {};

export default recommend;
