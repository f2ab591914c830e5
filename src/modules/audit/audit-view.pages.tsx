import type { FastifyPluginAsync } from 'fastify';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { getProcess } from '../processes/index.js';
import { ProcessAuditQuery } from './audit-view.schema.js';
import { processAuditPage, publicEvents, verifyProcessAudit, whoOfEvents } from './audit-view.service.js';
import { chainOf } from '../../platform/audit/audit.service.js';
import { auditListPage, auditVerifyPage } from './audit.page-presenter.js';
import { AuditListView } from './views/audit-list.view.js';
import { AuditVerifyView } from './views/audit-verify.view.js';

const hide = { hide: true };

/** A process's public audit trail and its server-side verification, per language. */
export const auditViewPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const slugOf = (params: unknown) => (params as { processSlug: string }).processSlug;

  app.get('/processes/:processSlug/audit', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), slugOf(req.params));
    // A page reached by a hand-edited link falls back to the newest events rather than failing.
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const pick = (k: string) => (typeof raw[k] === 'string' && raw[k] !== '' ? raw[k] : undefined);
    const parsed = ProcessAuditQuery.safeParse({ before: pick('before'), after: pick('after'), action: pick('action') });
    const q = parsed.success ? parsed.data : ProcessAuditQuery.parse({});
    const page = await processAuditPage(db(), process.id, q);
    const [events, who] = await Promise.all([publicEvents(db(), chainOf(process.id), page.items), whoOfEvents(db(), process.id, page.items)]);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <AuditListView ctx={ctx} model={auditListPage({ process, page: { ...page, items: events }, who, action: q.action }, ctx)} />);
  });

  app.get('/processes/:processSlug/audit/verify', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), slugOf(req.params));
    const result = await verifyProcessAudit(db(), process.id);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <AuditVerifyView ctx={ctx} model={auditVerifyPage(process, result, ctx)} />);
  });
};
