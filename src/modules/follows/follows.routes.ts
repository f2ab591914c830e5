import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { processRecords, SlugParams } from '../processes/index.js';
import { GroupParams, groupFromParams } from '../groups/index.js';
import * as follows from './follows.service.js';

const FollowBody = z.object({ mode: z.enum(['immediate', 'digest']).describe('Email at once, or a daily digest') });
const FollowOut = z.object({ following: z.boolean(), mode: z.enum(['immediate', 'digest']).nullable() });

/** Following processes and working groups through the JSON API. */
export const followsApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const tags = ['following'];

  app.put(
    '/processes/:processSlug/follow',
    { config: { policy: 'follow.set', scope: processRecords }, schema: { tags, summary: 'Follow a process', params: SlugParams, body: FollowBody, response: { 200: FollowOut } } },
    async (req) => {
      await follows.follow(db(), req.actor!, { processId: req.policyContext.processId!, groupId: null }, req.body.mode);
      return { following: true, mode: req.body.mode };
    },
  );
  app.delete(
    '/processes/:processSlug/follow',
    { config: { policy: 'follow.remove', scope: processRecords }, schema: { tags, summary: 'Stop following a process', params: SlugParams, response: { 200: FollowOut } } },
    async (req) => {
      await follows.unfollow(db(), req.actor!, { processId: req.policyContext.processId!, groupId: null });
      return { following: false, mode: null };
    },
  );
  app.put(
    '/processes/:processSlug/groups/:groupSlug/follow',
    { config: { policy: 'follow.set', scope: groupFromParams }, schema: { tags, summary: 'Follow a working group', params: GroupParams, body: FollowBody, response: { 200: FollowOut } } },
    async (req) => {
      await follows.follow(db(), req.actor!, { processId: req.policyContext.processId!, groupId: req.policyContext.groupId! }, req.body.mode);
      return { following: true, mode: req.body.mode };
    },
  );
  app.delete(
    '/processes/:processSlug/groups/:groupSlug/follow',
    { config: { policy: 'follow.remove', scope: groupFromParams }, schema: { tags, summary: 'Stop following a working group', params: GroupParams, response: { 200: FollowOut } } },
    async (req) => {
      await follows.unfollow(db(), req.actor!, { processId: req.policyContext.processId!, groupId: req.policyContext.groupId! });
      return { following: false, mode: null };
    },
  );
};
