import { defineScope } from '../../platform/http/scope.js';
import { isUuid } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { consensusRepository as repo } from './consensus.repository.js';
import type { CallDetail } from './consensus.service.js';

/**
 * A call's own routes that need nothing of the process but the call: the call of the process
 * named in the URL with its options, in one query (404 when either is absent or they do not
 * match). The policy is asked in the call's process and working group, so that group's
 * chair counts; `callRecordsScope.of(req)` gives the handler the call.
 */
export const callRecordsScope = defineScope(
  async (req): Promise<CallDetail> => {
    const { processSlug, callId } = req.params as { processSlug: string; callId: string };
    const found = isUuid(callId) ? await repo.callInProcess(req.server.deps.db, processSlug, callId) : undefined;
    if (!found) throw new HttpProblem(404, 'errors.notFound');
    return found;
  },
  ({ call }) => ({ processId: call.process_id, groupId: call.group_id ?? undefined }),
);
