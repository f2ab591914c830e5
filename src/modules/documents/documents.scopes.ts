import { defineScope } from '../../platform/http/scope.js';
import { processBySlug } from '../processes/index.js';
import { getDocument } from './documents.service.js';

/**
 * A document's reading routes act on the process and the document named in the URL, as this
 * viewer may see it (404 when absent or members-only to an outsider): two queries, once, before
 * the policy is asked in the document's process and group. `documentRecords.of(req)` gives them
 * to the handler.
 */
export const documentRecords = defineScope(
  async (req) => {
    const { processSlug, docSlug } = req.params as { processSlug: string; docSlug: string };
    const db = req.server.deps.db;
    const process = await processBySlug(db, processSlug);
    return { process, doc: await getDocument(db, process.id, docSlug, req.actor) };
  },
  ({ process, doc }) => ({ processId: process.id, groupId: doc.group_id ?? undefined }),
);
