import type { CallState } from './calls.schema.js';

/**
 * Where a call stands at an instant. The window is half-open, to the second: open from
 * opens_at inclusive until closes_at exclusive, so at closes_at it is closed.
 */
export function callState(call: { opens_at: Date; closes_at: Date }, now: Date = new Date()): CallState {
  if (now.getTime() < call.opens_at.getTime()) return 'upcoming';
  return now.getTime() < call.closes_at.getTime() ? 'open' : 'closed';
}
