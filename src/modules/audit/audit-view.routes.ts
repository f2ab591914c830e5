import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getProcess } from '../processes/index.js';
import { AuditParams, ChainHeadOut, ChainPage, ChainQuery, ProcessAuditPage, ProcessAuditQuery } from './audit-view.schema.js';
import { chainGenesis, chainHead, chainPage, processAuditPage, publicEvents } from './audit-view.service.js';
import { INSTALLATION_CHAIN, chainOf } from '../../platform/audit/audit.service.js';

/**
 * The audit trail through the JSON API, public: events hold only ids, action names and
 * digests of records (see recordAudit), as audit-disclosure.ts lets the public see them, so
 * anyone can recompute the chain's published events.
 */
export const auditViewApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const tags = ['audit'];

  app.get(
    '/processes/:processSlug/audit',
    {
      config: { policy: 'public.read' },
      schema: {
        tags,
        summary: 'A process’s audit events, newest first, with every published field each hash covers (keyset: pass `next` as `after`, `previous` as `before`)',
        params: AuditParams,
        querystring: ProcessAuditQuery,
        response: { 200: ProcessAuditPage },
      },
    },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      const page = await processAuditPage(db(), process.id, req.query);
      return { items: await publicEvents(db(), chainOf(process.id), page.items), next: page.next, previous: page.previous };
    },
  );

  app.get(
    '/audit/chain',
    {
      config: { policy: 'public.read' },
      schema: {
        tags,
        summary:
          'One audit chain in order after a seq (each process has its own chain; installation-wide changes have the `installation` chain; events written before chains were split form the closed `legacy` chain). Each hash is SHA-256 (hex) of prevHash, a newline, and the canonical JSON (keys sorted) of {seq, occurred_at, actor_id, action, entity_type, entity_id, process_id, before_digest, after_digest}, plus {chain, batch_root, batch_count} for every chain but `legacy`; seq 1 links to `firstPrevHash`. Fields that are not public are null and listed in each event’s `withheld`; such events are linked, not recomputed',
        querystring: ChainQuery,
        response: { 200: ChainPage },
      },
    },
    async (req) => {
      const page = await chainPage(db(), req.query.chain, req.query.after + 1, req.query.limit);
      const firstPrevHash = await chainGenesis(db(), req.query.chain);
      return {
        chain: req.query.chain,
        firstPrevHash,
        events: await publicEvents(db(), req.query.chain, page.events),
        next: page.next,
        hashAlgorithm: 'sha256(prevHash + "\\n" + canonicalJson(fields))' as const,
      };
    },
  );

  const presentHead = (h: Awaited<ReturnType<typeof chainHead>>) => ({
    chain: h.chain,
    current: h.current,
    signed: h.signed ? { seq: h.signed.seq, hash: h.signed.hash, at: h.signed.at, kid: h.signed.kid, jws: h.signed.jws } : null,
  });

  app.get(
    '/processes/:processSlug/audit/head',
    {
      config: { policy: 'public.read' },
      schema: {
        tags,
        summary: 'A process’s audit chain head, and its last head signed with the installation key',
        params: AuditParams,
        response: { 200: ChainHeadOut },
      },
    },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      return presentHead(await chainHead(db(), chainOf(process.id)));
    },
  );

  app.get(
    '/audit/head',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'The installation audit chain’s head (accounts, settings), and its last signed head', response: { 200: ChainHeadOut } },
    },
    async () => presentHead(await chainHead(db(), INSTALLATION_CHAIN)),
  );
};
