import { defineScope } from '../../platform/http/scope.js';
import { getProcess } from './processes.service.js';

/**
 * The process named by `:processSlug`, with its phases and stakeholder groups: one query,
 * before the policy is asked in that process. Handlers and the services they call take the
 * record from `processRecords.of(req)` rather than reading the process again by its slug
 * (404 when there is no such process).
 */
export const processRecords = defineScope(
  (req) => getProcess(req.server.deps.db, (req.params as { processSlug: string }).processSlug),
  (detail) => ({ processId: detail.process.id }),
);
