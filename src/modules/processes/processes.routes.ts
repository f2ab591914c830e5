import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem } from '../../platform/http/problem.js';
import { CopyProcessBody, CreateProcessBody, ProcessListOut, ProcessOut, SlugParams, UpdateProcessBody } from './processes.schema.js';
import * as processes from './processes.service.js';
import { copyProcess } from './templates.service.js';
import { presentProcess } from './processes.presenter.js';
import { processRecords } from './processes.scopes.js';


const StakeholderGroupsBody = z.object({
  groups: z
    .array(
      z.object({
        id: z.uuid().optional(),
        key: z.string().max(40).optional(),
        nameEn: z.string().trim().min(1, 'errors.text.required').max(120),
        nameFr: z.string().trim().min(1, 'errors.text.required').max(120),
        targetShare: z.number().min(0, 'errors.stakeholders.target').max(1, 'errors.stakeholders.target').nullable(),
      }),
    )
    .min(1)
    .max(20),
});

/** Processes through the JSON API. */
export const processesApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const base = () => app.deps.config.baseUrl;
  const tags = ['processes'];

  app.get('/processes', { config: { policy: 'public.read' }, schema: { tags, summary: 'Every process on this installation', response: { 200: ProcessListOut } } }, async () => {
    const list = await processes.listProcesses(db());
    return { items: list.map((p) => ({ id: p.id, slug: p.slug, title: { en: p.title_en, fr: p.title_fr }, summary: { en: p.summary_en, fr: p.summary_fr }, url: `${base()}/en/processes/${p.slug}` })) };
  });

  app.post(
    '/processes',
    { config: { policy: 'process.create' }, schema: { tags, summary: 'Create a process; you become its convener', body: CreateProcessBody, response: { 201: ProcessOut } } },
    async (req, reply) => {
      const p = await processes.createProcess(db(), req.actor, req.body);
      return reply.status(201).send(presentProcess(await processes.getProcess(db(), p.slug), base()));
    },
  );

  app.get(
    '/processes/:processSlug',
    { config: { policy: 'public.read', scope: processRecords }, schema: { tags, summary: 'One process with its phases and stakeholder groups', params: SlugParams, response: { 200: ProcessOut } } },
    async (req) => presentProcess(processRecords.of(req), base()),
  );

  app.put(
    '/processes/:processSlug',
    {
      config: { policy: 'process.update', scope: processRecords },
      schema: { tags, summary: 'Change a process’s texts, settings and phases', params: SlugParams, body: UpdateProcessBody, response: { 200: ProcessOut } },
    },
    async (req) => {
      await processes.updateProcess(db(), req.actor!, req.policyContext.processId!, req.body);
      return presentProcess(await processes.getProcess(db(), req.params.processSlug), base());
    },
  );

  app.post(
    '/processes/:processSlug/copies',
    {
      config: { policy: 'process.copy', scope: processRecords },
      schema: { tags, summary: 'Start a new process from this one as a template', params: SlugParams, body: CopyProcessBody, response: { 201: ProcessOut } },
    },
    async (req, reply) => {
      const created = await copyProcess(db(), req.actor!, req.params.processSlug, req.body);
      return reply.status(201).send(presentProcess(await processes.getProcess(db(), created.slug), base()));
    },
  );

  app.put(
    '/processes/:processSlug/stakeholder-groups',
    {
      config: { policy: 'process.manageStakeholders', scope: processRecords },
      schema: { tags, summary: 'Set stakeholder group names and target shares (0–1); groups without an id are added', params: SlugParams, body: StakeholderGroupsBody, response: { 200: ProcessOut } },
    },
    async (req) => {
      if (!req.actor) throw new HttpProblem(401, 'errors.signInRequired');
      await processes.saveStakeholderGroups(db(), req.actor, req.policyContext.processId!, req.body.groups);
      return presentProcess(await processes.getProcess(db(), req.params.processSlug), base());
    },
  );
};
