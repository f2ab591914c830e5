import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_FILE_BYTES, sendFile, explainOversizedUploads } from '../files/index.js';
import { getProcess, processRecords, SlugParams } from '../processes/index.js';
import {
  CallListOut,
  CallOut,
  CallParams,
  ModerateBody,
  OpenCallBody,
  SubmissionListOut,
  SubmissionOut,
  SubmissionParams,
  SubmitBody,
} from './calls.schema.js';
import * as calls from './calls.service.js';
import { presentCall, presentSubmission } from './calls.presenter.js';

/** Base64 of the largest file, plus room for the other fields. */
const SUBMIT_BODY_LIMIT = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 2 * 1024 * 1024;

/**
 * Calls for input through the JSON API. Files travel as base64 in the JSON body: the API
 * takes only application/json on unsafe methods (http/security.ts), which is what keeps a
 * cross-site form from posting to it.
 */
export const callsApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const base = () => app.deps.config.baseUrl;
  const tags = ['calls for input'];
  const scoped = { scope: processRecords };
  explainOversizedUploads(app);

  /** The process and the call named in the URL (404 when either is absent). */
  const load = async (p: { processSlug: string; callId: string }) => {
    const { process } = await getProcess(db(), p.processSlug);
    return { process, call: await calls.getCall(db(), process.id, p.callId) };
  };

  app.get(
    '/processes/:processSlug/calls',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'The calls for input of a process, latest first', params: SlugParams, response: { 200: CallListOut } },
    },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      return { items: (await calls.listCalls(db(), process.id)).map((s) => presentCall(s, process.slug, base())) };
    },
  );

  app.post(
    '/processes/:processSlug/calls',
    {
      config: { policy: 'call.open', ...scoped },
      schema: {
        tags,
        summary: 'Open a call for input (oversight committee); submissions are taken from opensAt until closesAt, to the second',
        params: SlugParams,
        body: OpenCallBody,
        response: { 201: CallOut },
      },
    },
    async (req, reply) => {
      const call = await calls.openCall(db(), req.actor!, req.policyContext.processId!, req.body, app.deps.config.baseUrl);
      return reply.status(201).send(presentCall(await calls.summarise(db(), call), req.params.processSlug, base()));
    },
  );

  app.get(
    '/processes/:processSlug/calls/:callId',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'One call for input, and whether it is open', params: CallParams, response: { 200: CallOut } },
    },
    async (req) => {
      const { process, call } = await load(req.params);
      return presentCall(await calls.summarise(db(), call), process.slug, base());
    },
  );

  app.get(
    '/processes/:processSlug/calls/:callId/submissions',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'The accepted (published) submissions of a call', params: CallParams, response: { 200: SubmissionListOut } },
    },
    async (req) => {
      const { process, call } = await load(req.params);
      return { items: (await calls.acceptedSubmissions(db(), call.id)).map((s) => presentSubmission(s, call, process.slug, base())) };
    },
  );

  app.post(
    '/processes/:processSlug/calls/:callId/submissions',
    {
      config: { policy: 'call.submit' },
      bodyLimit: SUBMIT_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Submit a report while the call is open: text (Markdown), a file (PDF, DOCX, ODT or Markdown, base64, 10 MiB at most, typed by its content), or both',
        params: CallParams,
        body: SubmitBody,
        response: { 201: SubmissionOut },
      },
    },
    async (req, reply) => {
      const { process, call } = await load(req.params);
      const { file, ...fields } = req.body;
      const upload = file ? { name: file.name, data: Buffer.from(file.contentBase64, 'base64') } : undefined;
      const created = await calls.submit(db(), req.actor!, process, call.id, fields, upload);
      return reply.status(201).send(presentSubmission(await calls.submissionFor(db(), req.actor, call, created.id), call, process.slug, base()));
    },
  );

  app.get(
    '/processes/:processSlug/calls/:callId/submissions/:submissionId',
    {
      config: { policy: 'public.read' },
      schema: {
        tags,
        summary: 'One submission: public once accepted; until then only its submitter and the moderators see it',
        params: SubmissionParams,
        response: { 200: SubmissionOut },
      },
    },
    async (req) => {
      const { process, call } = await load(req.params);
      return presentSubmission(await calls.submissionFor(db(), req.actor, call, req.params.submissionId), call, process.slug, base());
    },
  );

  app.post(
    '/processes/:processSlug/calls/:callId/submissions/:submissionId/moderation',
    {
      config: { policy: 'call.moderate', ...scoped },
      schema: {
        tags,
        summary: 'Accept (publish) or reject a submission; rejecting needs a reason. Nothing is deleted',
        params: SubmissionParams,
        body: ModerateBody,
        response: { 200: SubmissionOut },
      },
    },
    async (req) => {
      const { process, call } = await load(req.params);
      const after = await calls.moderate(db(), req.actor!, process, call, req.params.submissionId, req.body, base());
      return presentSubmission(await calls.submissionFor(db(), req.actor, call, after.id), call, process.slug, base());
    },
  );

  app.get(
    '/processes/:processSlug/calls/:callId/submissions/:submissionId/file',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'Download a submission’s file (as an attachment, with its checked media type)', params: SubmissionParams },
    },
    async (req, reply) => {
      const { call } = await load(req.params);
      const { file, isPublic } = await calls.submissionFile(db(), req.actor, call, req.params.submissionId);
      return sendFile(reply, file, { publicCache: isPublic });
    },
  );
};
