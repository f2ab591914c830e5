import { z } from 'zod';
import { defineScope } from '../../platform/http/scope.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { participantsRepository } from './participants.repository.js';

const Uuid = z.uuid();

/**
 * An organisation's routes act on the organisation named by `:orgId`: loaded once before the
 * policy is asked (404 when absent, or when the id is not one), so the policy sees which
 * organisation the request concerns and the handler gets the row from `organisationScope.of(req)`.
 */
export const organisationScope = defineScope(
  async (req) => {
    const { orgId } = req.params as { orgId: string };
    if (!Uuid.safeParse(orgId).success) throw new HttpProblem(404, 'errors.notFound');
    const organisation = await participantsRepository.organisation(req.server.deps.db, orgId);
    if (!organisation) throw new HttpProblem(404, 'errors.notFound');
    return { organisation };
  },
  (r) => ({ organisationId: r.organisation.id }),
);
