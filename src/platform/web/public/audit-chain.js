/* global crypto, TextEncoder */
// The audit chain's hash, recomputed in the browser. Pure functions only (no DOM), so that
// src/modules/audit/audit-chain.test.ts can run them in Node against the server's hashEvent
// and prove both sides feed SHA-256 the same bytes. Keep in step with
// src/modules/audit/audit.service.ts (hashEvent) and src/lib/crypto.ts (canonicalJson).

/** The hash the first event links back to. */
export const GENESIS_HASH = '0'.repeat(64);

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    var out = {};
    Object.keys(value)
      .sort()
      .forEach(function (k) {
        if (value[k] !== undefined) out[k] = sortKeys(value[k]);
      });
    return out;
  }
  return value;
}

/** JSON with keys sorted at every level, as the server's canonicalJson writes it. */
export function canonicalJson(value) {
  return JSON.stringify(sortKeys(value));
}

/**
 * The exact text the server hashes for one event of the API (camelCase fields). Events of the
 * closed `legacy` chain were hashed without their chain and batch fields; every other chain's
 * events cover them.
 */
export function hashInput(e) {
  var fields = {
    seq: String(e.seq),
    occurred_at: e.occurredAt,
    actor_id: e.actorId,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    process_id: e.processId,
    before_digest: e.beforeDigest,
    after_digest: e.afterDigest,
  };
  if (e.chain !== undefined && e.chain !== 'legacy') {
    fields.chain = e.chain;
    fields.batch_root = e.batchRoot === undefined ? null : e.batchRoot;
    fields.batch_count = e.batchCount === undefined ? null : e.batchCount;
  }
  return e.prevHash + '\n' + canonicalJson(fields);
}

/** Hex SHA-256 of a text with WebCrypto (in browsers and in Node 20+). */
export async function sha256Hex(text) {
  var buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(buf), function (b) {
    return b.toString(16).padStart(2, '0');
  }).join('');
}

/** A fresh verification state: nothing seen yet. */
export function startState(processId) {
  return { prevHash: GENESIS_HASH, expectedSeq: 1, count: 0, withheld: 0, processCount: 0, processId: processId || null };
}

/**
 * Check one page of events in chain order against the state left by the page before.
 * Returns { ok: true } or { ok: false, brokenAt, reason } with the server's reason names.
 * An event with withheld fields (data that is not public) cannot be recomputed: its link is
 * checked where both hashes are published, and its published hash carries the chain on. A
 * withheld hash (null) leaves the next link unchecked; the server's check covers it.
 */
export async function verifyPage(events, state) {
  for (var i = 0; i < events.length; i++) {
    var e = events[i];
    var withheld = e.withheld || [];
    if (Number(e.seq) !== state.expectedSeq) return { ok: false, brokenAt: String(e.seq), reason: 'gap' };
    if (e.prevHash !== null && state.prevHash !== null && e.prevHash !== state.prevHash) return { ok: false, brokenAt: String(e.seq), reason: 'broken_link' };
    if (withheld.length === 0) {
      if ((await sha256Hex(hashInput(e))) !== e.hash) return { ok: false, brokenAt: String(e.seq), reason: 'hash_mismatch' };
    } else state.withheld++;
    state.prevHash = e.hash;
    state.expectedSeq++;
    state.count++;
    if (state.processId && e.processId === state.processId) state.processCount++;
  }
  return { ok: true };
}
