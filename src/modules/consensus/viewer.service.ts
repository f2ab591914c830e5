import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { can } from '../../platform/auth/policies.js';
import { membership } from '../participants/index.js';
import { isGroupMember } from '../groups/index.js';
import type { Call, NamedPosition } from './consensus.repository.js';
import { currentPositions, type CallRecord } from './consensus.service.js';
import { appealOpen } from './outcomes.service.js';

/** What one viewer may do on a call's page. */
export interface Viewer {
  /** May state positions here (a member of the process, or of the group for a group's call). */
  eligible: boolean;
  /** The viewer's current positions, by option. */
  mine: Map<string, NamedPosition>;
  canDecide: boolean;
  canAnswer: boolean;
  /** An objector within the appeal window with no appeal of this outcome pending. */
  canAppeal: boolean;
}

/** True when this person may state positions on the call (the service checks the same). */
export async function isEligible(db: Kysely<DB>, call: Call, userId: string): Promise<boolean> {
  if (!(await membership(db, call.process_id, userId))) return false;
  return call.group_id ? isGroupMember(db, call.group_id, userId) : true;
}

/** The viewer's eligibility, own positions and which forms to offer, from the call's record. */
export async function viewerOf(db: Kysely<DB>, actor: Actor | null, record: CallRecord, now: Date = new Date()): Promise<Viewer> {
  const { call } = record.detail;
  const scope = { processId: call.process_id, groupId: call.group_id ?? undefined };
  const base = { canDecide: can(actor, 'consensus.decide', scope), canAnswer: can(actor, 'consensus.answerAppeal', { processId: call.process_id }) };
  if (!actor) return { ...base, eligible: false, mine: new Map(), canAppeal: false };
  const mine = (await currentPositions(db, call.id)).filter((p) => p.user_id === actor.userId);
  const current = record.outcomes.find((o) => o.outcome.current)?.outcome;
  const pending = record.appeals.some((a) => a.appellant_id === actor.userId && a.status === 'pending' && a.outcome_id === current?.id);
  const canAppeal = !!current && appealOpen(call, current, now) && mine.some((p) => p.stance === 'object') && !pending;
  return { ...base, eligible: await isEligible(db, call, actor.userId), mine: new Map(mine.map((p) => [p.option_id, p])), canAppeal };
}
