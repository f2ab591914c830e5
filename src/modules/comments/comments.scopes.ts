import { defineScope } from '../../platform/http/scope.js';
import { processBySlug } from '../processes/index.js';
import { getPeriod } from './periods.service.js';

/**
 * A comment period's routes act on the process and the period with the documents it covers
 * (those this viewer may read): loaded here once, in three queries, before the policy is
 * asked, and handed to the handler by `periodScope.of(req)`. 404 when any is absent.
 */
export const periodScope = defineScope(
  async (req) => {
    const { processSlug, periodId } = req.params as { processSlug: string; periodId: string };
    const db = req.server.deps.db;
    const process = await processBySlug(db, processSlug);
    // A submission shows no counter: it does not read the deltas a surge is adding (0031).
    return { process, ...(await getPeriod(db, process.id, periodId, req.actor, { counts: req.method === 'GET' })) };
  },
  (r) => ({ processId: r.process.id }),
);
