import { z } from 'zod';
import { Slug } from '../processes/index.js';

/** A chain position in a URL or query: a positive integer, kept as a string like the bigint column. */
const Seq = z.string().regex(/^[1-9][0-9]{0,17}$/, { error: 'audit.errors.cursor' });

/** An action prefix to filter by, such as `comment.` or `meeting.`. */
export const ActionPrefix = z.string().regex(/^[A-Za-z][A-Za-z.]{0,59}$/, { error: 'audit.errors.action' });

/** `:processSlug` in a URL. */
export const AuditParams = z.object({ processSlug: Slug });

/** A process's events, newest first: `after` pages back in time (the next page), `before` forward. */
export const ProcessAuditQuery = z.object({
  after: Seq.optional().describe('Cursor: `next` from the previous page (the events after it in the list: older)'),
  before: Seq.optional().describe('Cursor: `previous` from a page (the events before it in the list: newer)'),
  action: ActionPrefix.optional().describe('Only actions starting with this, such as `comment.`'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** The query of the process page and API. */
export type ProcessAuditQuery = z.infer<typeof ProcessAuditQuery>;

/** A chain's id: `legacy`, `installation`, or `process:<uuid>`. */
export const ChainId = z
  .string()
  .regex(/^(legacy|installation|process:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, { error: 'audit.errors.chain' });

/** A slice of one chain in order. */
export const ChainQuery = z.object({
  chain: ChainId.default('installation').describe('Which chain: `installation`, `legacy` (events before chains were split), or `process:<uuid>`'),
  after: z.coerce.number().int().min(0).default(0).describe('Cursor: `next` from the previous page (the events after that seq); 0 or absent starts at seq 1'),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/** One event with every published field its hash covers, and the hashes themselves. */
export const AuditEventOut = z.object({
  chain: z.string().describe('The chain the event belongs to; its seq counts from 1 in that chain'),
  seq: z.string(),
  occurredAt: z.string().describe('ISO 8601 in UTC with milliseconds, exactly as hashed'),
  actorId: z.uuid().nullable().describe('Null when there was no actor, or when withheld (listed in `withheld`)'),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  processId: z.uuid().nullable(),
  beforeDigest: z
    .string()
    .nullable()
    .describe('HMAC-SHA-256 (`hmac1:` prefix) of the record before, keyed by the installation; older events have a bare SHA-256'),
  afterDigest: z.string().nullable(),
  batchRoot: z.string().nullable().describe('A batch event’s Merkle root over its rows’ digests'),
  batchCount: z.number().int().nullable().describe('How many rows a batch event covers'),
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
  withheld: z
    .array(z.enum(['actorId', 'entityId', 'beforeDigest', 'afterDigest', 'batchRoot', 'hash', 'prevHash']))
    .describe(
      'Fields set to null here because they are not public (a meeting registrant, a follower, an anonymous commenter, or a digest that could be matched by guessing). Such an event’s hash cannot be recomputed; a withheld hash (and the next event’s prevHash) hides events whose hash would let anyone test guesses. The installation verifies the stored events in full (`concord audit verify`).',
    ),
});
/** An event as the API shows it. */
export type AuditEventOut = z.infer<typeof AuditEventOut>;

/** A page of a process's events, newest first. */
export const ProcessAuditPage = z.object({
  items: z.array(AuditEventOut),
  next: z.string().nullable().describe('Pass as `after` for older events'),
  previous: z.string().nullable().describe('Pass as `before` for newer events'),
});

/** A page of one chain, in order. */
export const ChainPage = z.object({
  chain: z.string(),
  firstPrevHash: z.string().describe('What seq 1 links to: 64 zeros, or for the installation chain the legacy chain’s head'),
  events: z.array(AuditEventOut),
  next: z.string().nullable().describe('Pass as `after` for the next page; null at the head'),
  hashAlgorithm: z.literal('sha256(prevHash + "\\n" + canonicalJson(fields))'),
});

/** A chain's head now, and its last signed head (a JWS over {chain, seq, hash, at} to check against /.well-known/jwks.json). */
export const ChainHeadOut = z.object({
  chain: z.string(),
  current: z
    .object({ seq: z.string(), hash: z.string().nullable() })
    .describe('The head as the chain records it now (unsigned); its hash is null while the head event’s hash is withheld'),
  signed: z
    .object({ seq: z.string(), hash: z.string(), at: z.string(), kid: z.string(), jws: z.string() })
    .nullable()
    .describe('The last signed head: keep the JWS; a later chain that does not reach it with the same hash has lost or rewritten events'),
});
