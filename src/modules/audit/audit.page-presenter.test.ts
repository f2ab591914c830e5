import { describe, expect, it } from 'vitest';
import { modelCtx } from '../../../test/helpers/actors.js';
import type { Process } from '../processes/index.js';
import type { PublicEvent } from './audit-disclosure.js';
import { auditListPage, auditVerifyPage, type AuditListRecords } from './audit.page-presenter.js';

const process = { id: 'p1', slug: 'labels', title_en: 'Device labels', title_fr: 'Étiquettes des appareils', timezone: 'America/Toronto' } as Process;
const HASH = 'a'.repeat(64);
const event = (over: Partial<PublicEvent> = {}): PublicEvent => ({
  chain: 'process:p1',
  seq: '7',
  occurredAt: '2024-05-02T16:00:00.000Z',
  actorId: null,
  action: 'comment.submit',
  entityType: 'comment',
  entityId: '00000000-0000-4000-8000-000000000009',
  processId: 'p1',
  beforeDigest: null,
  afterDigest: null,
  batchRoot: null,
  batchCount: null,
  prevHash: null,
  hash: HASH,
  withheld: [],
  ...over,
});
const records = (over: Partial<AuditListRecords> = {}): AuditListRecords => ({
  process,
  page: { items: [event()], next: '7', previous: null },
  who: new Map([['7', { kind: 'withheld' }]]),
  action: 'comment.',
  ...over,
});

describe('auditListPage', () => {
  it('gives a French reader French words, the time in the process’s zone and French paths', () => {
    const m = auditListPage(records(), modelCtx('fr'));
    expect(m.processCrumb).toEqual({ href: '/fr/processes/labels', label: 'Étiquettes des appareils' });
    const e = m.events[0]!;
    expect(e.who).toBe('Un participant (nom non publié)');
    expect(e.record.label).toBe('Commentaire');
    expect(e.record.href).toBe('/fr/processes/labels/comments/00000000-0000-4000-8000-000000000009');
    expect(e.when).toMatch(/2 mai 2024/);
    expect(e.when).toMatch(/12/); // 16:00 UTC is noon in Toronto
    expect(e.shortHash).toBe(`${'a'.repeat(8)}…aaaa`);
    expect(m.verify).toEqual({ chain: 'process:p1', processId: 'p1', action: '/fr/processes/labels/audit/verify' });
  });
  it('keeps the filter in the pager links and marks the chosen action', () => {
    const m = auditListPage(records(), modelCtx('en'));
    expect(m.olderPath).toBe('/en/processes/labels/audit?action=comment.&after=7');
    expect(m.newerPath).toBeNull();
    expect(m.actionOptions.filter((o) => o.selected).map((o) => o.value)).toEqual(['comment.']);
  });
  it('shows only what the disclosure presenter published: a withheld record or hash stays withheld', () => {
    const m = auditListPage(records({ page: { items: [event({ entityType: 'user', entityId: null, hash: null })], next: null, previous: null } }), modelCtx('en'));
    const e = m.events[0]!;
    expect([e.record.href, e.record.withheld, e.record.shortId, e.hash, e.shortHash]).toEqual([null, true, null, null, null]);
  });
});

describe('auditVerifyPage', () => {
  it('says the chain holds, or where it breaks, in the reader’s language', () => {
    const ok = auditVerifyPage(process, { ok: true, count: 1200, head: HASH, headSeq: '1200', chain: 'process:p1' }, modelCtx('fr'));
    expect(ok.result.ok && ok.result.summary).toMatch(/1\s200 événements vérifiés/);
    const broken = auditVerifyPage(process, { ok: false, count: 4, brokenAt: '5', reason: 'hash_mismatch', chain: 'process:p1' }, modelCtx('en'));
    expect(!broken.result.ok && broken.result.broken).toContain('5');
    expect(broken.auditCrumb).toEqual({ href: '/en/processes/labels/audit', label: 'Audit trail' });
  });
});
