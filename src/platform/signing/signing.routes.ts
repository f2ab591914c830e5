import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jwks } from './keys.js';

/** One published key (RFC 7517, OKP / Ed25519). */
const Jwk = z.object({ kty: z.string(), crv: z.string(), x: z.string(), kid: z.string(), alg: z.literal('EdDSA'), use: z.literal('sig') });
/** The JWK Set. */
const JwkSet = z.object({ keys: z.array(Jwk) });

/** `/.well-known/jwks.json`: the public keys that verify Concord's signatures, retired ones included. */
export const signingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/.well-known/jwks.json',
    {
      config: { policy: 'public.read' },
      schema: { tags: ['signing'], summary: 'Public keys (JWK Set) that verify this installation’s signatures, active and retired', response: { 200: JwkSet } },
    },
    async (_req, reply) => {
      // Short cache: a rotation shows within minutes, and retired keys never leave the set.
      void reply.header('cache-control', 'public, max-age=300');
      const set = await jwks(app.deps.db);
      return { keys: set.keys.map((k) => ({ kty: k.kty!, crv: k.crv!, x: k.x!, kid: k.kid, alg: k.alg, use: k.use })) };
    },
  );
};
