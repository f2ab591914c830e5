import { formatDateTime, formatNumber } from '../../platform/i18n/i18n.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import { personName, type PersonNameModel } from '../../platform/web/components/person-name.js';
import { processCrumb, type Process } from '../processes/index.js';
import type { PublicEvent } from './audit-disclosure.js';
import { ACTION_PREFIXES, actionKey } from './audit-actions.js';
import type { ProcessAuditPage, ProcessVerifyResult, Who } from './audit-view.service.js';
import { entityPath, shortHash } from './audit-view.presenter.js';

/**
 * Page presenters: a process's audit trail and its verification as the pages show them, in the
 * reader's language. Events come in already through the disclosure presenter
 * (audit-disclosure.ts: what is withheld is null here too), so no page can show more than the
 * API does. The API's presenter is audit-view.presenter.ts.
 */

/** The Verify form and what audit-verify.js needs to check the chain in the browser. */
export interface VerifyBoxModel {
  chain: string;
  processId: string;
  /** The server-side check, for readers without JavaScript. */
  action: string;
}

/** One event's row. */
export interface AuditEventModel {
  seq: string;
  /** ISO 8601, for `<time datetime>`. */
  at: string;
  /** The time in the process's zone, in the reader's language. */
  when: string;
  /** The person, with their staff badge; or, as text, why no name is shown. */
  who: PersonNameModel | string;
  what: string;
  action: string;
  record: {
    label: string;
    /** The record's page, when there is one. */
    href: string | null;
    /** The record's id was withheld by the disclosure rules. */
    withheld: boolean;
    /** The id as shown (shortened when long) and in full (for its title), when there is no page. */
    shortId: string | null;
    fullId: string | null;
  };
  /** Null when withheld. */
  hash: string | null;
  shortHash: string | null;
  prevHash: string | null;
}

/** A process's audit trail page. */
export interface AuditListPageModel {
  title: string;
  processTitle: string;
  processCrumb: Crumb;
  apiPath: string;
  cliCommand: string;
  verify: VerifyBoxModel;
  filterAction: string;
  actionOptions: { value: string; label: string; selected: boolean }[];
  caption: string;
  events: AuditEventModel[];
  newestPath: string;
  newerPath: string | null;
  olderPath: string | null;
}

/** What the audit trail page is made from. */
export interface AuditListRecords {
  process: Process;
  page: Omit<ProcessAuditPage, 'items'> & { items: PublicEvent[] };
  who: Map<string, Who>;
  /** The action filter in force (a prefix such as `comment.`), if any. */
  action: string | undefined;
}

/** "Who": a name with its staff badge, or in words why there is none (never a badge on a withheld actor). */
export function whoModel(ctx: ModelCtx, who: Who | undefined): PersonNameModel | string {
  if (who?.kind === 'name') return personName(ctx.t, who.name, who.staff);
  return ctx.t(who?.kind === 'none' ? 'audit.who.none' : 'audit.who.withheld');
}

/** "What" as a sentence, or the generic one naming the raw action. */
export function whatText(ctx: ModelCtx, action: string): string {
  const key = actionKey(action);
  return key ? ctx.t(key) : ctx.t('audit.actions.generic', { action });
}

/** The query string of the filter plus a cursor. */
function query(action: string | undefined, cursor: Record<string, string>): string {
  const q = new URLSearchParams();
  if (action) q.set('action', action);
  for (const [k, v] of Object.entries(cursor)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function eventModel(e: PublicEvent, r: AuditListRecords, ctx: ModelCtx): AuditEventModel {
  const { t, lang } = ctx;
  const at = new Date(e.occurredAt);
  const path = entityPath(r.process.slug, { entity_type: e.entityType, entity_id: e.entityId });
  const id = path ? null : e.entityId;
  return {
    seq: e.seq,
    at: at.toISOString(),
    when: formatDateTime(lang, at, r.process.timezone),
    who: whoModel(ctx, r.who.get(e.seq)),
    what: whatText(ctx, e.action),
    action: e.action,
    record: {
      label: t(`audit.entities.${e.entityType}`, { defaultValue: e.entityType }),
      href: path ? localPath(lang, path) : null,
      withheld: e.entityId === null,
      shortId: id === null ? null : id.length > 13 ? `${id.slice(0, 8)}…` : id,
      fullId: id,
    },
    hash: e.hash,
    shortHash: e.hash === null ? null : shortHash(e.hash),
    prevHash: e.prevHash,
  };
}

export function auditListPage(r: AuditListRecords, ctx: ModelCtx): AuditListPageModel {
  const { t, lang } = ctx;
  const { process, page, action } = r;
  const base = `/processes/${process.slug}`;
  const here = localPath(lang, `${base}/audit`);
  const crumb = processCrumb(lang, process);
  return {
    title: t('audit.title'),
    processTitle: crumb.label,
    processCrumb: crumb,
    apiPath: `/api/v1${base}/audit`,
    cliCommand: `concord audit verify --process ${process.slug}`,
    verify: { chain: `process:${process.id}`, processId: process.id, action: localPath(lang, `${base}/audit/verify`) },
    filterAction: here,
    actionOptions: [
      { value: '', label: t('audit.allActions'), selected: false },
      ...ACTION_PREFIXES.map((p) => ({ value: p, label: t(`audit.prefixes.${p.slice(0, -1)}`), selected: action === p })),
    ],
    caption: t('audit.caption', { timezone: process.timezone }),
    events: page.items.map((e) => eventModel(e, r, ctx)),
    newestPath: `${here}${query(action, {})}`,
    newerPath: page.previous ? `${here}${query(action, { before: page.previous })}` : null,
    olderPath: page.next ? `${here}${query(action, { after: page.next })}` : null,
  };
}

/** The server-side verification's page. */
export interface AuditVerifyPageModel {
  title: string;
  auditCrumb: Crumb;
  cliCommand: string;
  result: { ok: true; summary: string; headSeq: string; head: string } | { ok: false; broken: string; before: string };
}

export function auditVerifyPage(process: Process, result: ProcessVerifyResult, ctx: ModelCtx): AuditVerifyPageModel {
  const { t, lang } = ctx;
  const n = (x: number) => formatNumber(lang, x);
  return {
    title: t('audit.verifyResultTitle'),
    auditCrumb: { href: localPath(lang, `/processes/${process.slug}/audit`), label: t('audit.title') },
    cliCommand: `concord audit verify --process ${process.slug}`,
    result: result.ok
      ? { ok: true, summary: t('audit.result.chainOk', { count: result.count, n: n(result.count) }), headSeq: result.headSeq, head: result.head }
      : {
          ok: false,
          broken: t('audit.result.broken', { seq: result.brokenAt, reason: t(`audit.reasons.${result.reason}`) }),
          before: t('audit.result.before', { count: result.count, n: n(result.count) }),
        },
  };
}
