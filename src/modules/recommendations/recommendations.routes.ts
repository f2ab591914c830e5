import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getProcess, SlugParams } from '../processes/index.js';
import {
  CreateRecommendationBody,
  FinalReportOut,
  PublishReportBody,
  RecommendationFields,
  RecommendationListOut,
  RecommendationOut,
  RecommendationParams,
} from './recommendations.schema.js';
import {
  consensusResults,
  createRecommendation,
  getRecommendation,
  listRecommendations,
  recommendationScope,
  updateRecommendation,
} from './recommendations.service.js';
import { getFinalReport, publishFinalReport } from './final-report.service.js';
import { presentFinalReport, presentRecommendation } from './recommendations.presenter.js';

/** Recommendations and the final report through the JSON API. */
export const recommendationsApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const base = () => app.deps.config.baseUrl;
  const tags = ['recommendations'];
  const scope = (req: FastifyRequest) => recommendationScope(db(), (req.params as { processSlug: string }).processSlug);

  app.get(
    '/processes/:processSlug/recommendations',
    {
      config: { policy: 'public.read' },
      schema: {
        tags,
        summary: 'The recommendations of a process, in order, with their addressees',
        params: SlugParams,
        response: { 200: RecommendationListOut },
      },
    },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      return { items: (await listRecommendations(db(), process.id)).map((d) => presentRecommendation(d, process.slug, base())) };
    },
  );

  app.post(
    '/processes/:processSlug/recommendations',
    {
      config: { policy: 'recommendation.create', scope },
      schema: {
        tags,
        summary:
          'Create a recommendation (oversight committee and conveners). Its number is unique in the process (409 when taken) and is its permanent address',
        params: SlugParams,
        body: CreateRecommendationBody,
        response: { 201: RecommendationOut },
      },
    },
    async (req, reply) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      const d = await createRecommendation(db(), req.actor!, process.id, req.body);
      return reply.code(201).send(presentRecommendation(d, process.slug, base()));
    },
  );

  app.get(
    '/processes/:processSlug/recommendations/:number',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'One recommendation by its number', params: RecommendationParams, response: { 200: RecommendationOut } },
    },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      const d = await getRecommendation(db(), process.id, req.params.number);
      return presentRecommendation(d, process.slug, base(), await consensusResults(db(), [d]));
    },
  );

  app.put(
    '/processes/:processSlug/recommendations/:number',
    {
      config: { policy: 'recommendation.update', scope },
      schema: {
        tags,
        summary: 'Change a recommendation: its texts, origin, priority, consensus call and addressees (the number stays)',
        params: RecommendationParams,
        body: RecommendationFields,
        response: { 200: RecommendationOut },
      },
    },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      return presentRecommendation(await updateRecommendation(db(), req.actor!, process.id, req.params.number, req.body), process.slug, base());
    },
  );

  app.get(
    '/processes/:processSlug/final-report',
    {
      config: { policy: 'public.read' },
      schema: {
        tags,
        summary:
          'The published final report: its document and version (in the language of Accept-Language when translated), its addresses and the recommendations',
        params: SlugParams,
        response: { 200: FinalReportOut },
      },
    },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      return presentFinalReport(await getFinalReport(db(), process.id, req.lang), process.slug, base(), req.lang);
    },
  );

  app.put(
    '/processes/:processSlug/final-report',
    {
      config: { policy: 'report.publish', scope },
      schema: {
        tags,
        summary: 'Publish a public document of the process as its final report, or replace the one published',
        params: SlugParams,
        body: PublishReportBody,
        response: { 200: FinalReportOut },
      },
    },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      await publishFinalReport(db(), req.actor!, process.id, req.body);
      return presentFinalReport(await getFinalReport(db(), process.id, req.lang), process.slug, base(), req.lang);
    },
  );
};
