import { staffRoleOut } from '../../platform/auth/staff.presenter.js';
import { csvField } from '../participants/index.js';
import type { Process } from '../processes/index.js';
import type { ActionRow, PledgeRow, ReportRow } from './accountability.repository.js';
import { isOverdue, type Figures, type Tracker } from './tracker.service.js';

/** A progress report as the API shows it. */
export function presentReport(r: ReportRow) {
  return {
    id: r.id,
    status: r.status,
    body: r.body,
    reason: r.reason,
    lang: r.lang,
    evidenceUrls: r.evidence_urls,
    author: r.author_name,
    authorStaffRole: staffRoleOut(r.author_staff),
    capacity: r.acting_as ? { as: r.acting_as, organisation: r.acting_organisation_id ? { id: r.acting_organisation_id, name: r.acting_organisation_name ?? '' } : null } : null,
    reportedAt: r.reported_at.toISOString(),
  };
}

/** An action as the API shows it; `today` (the process's) decides whether it is overdue. */
export function presentAction(a: ActionRow, today: string, reports?: ReportRow[]) {
  return {
    id: a.id,
    recommendationId: a.recommendation_id,
    title: { en: a.title_en, fr: a.title_fr },
    owner: { id: a.owner_organisation_id, name: a.owner_name },
    contact: a.contact_user_id ? { id: a.contact_user_id, name: a.contact_name ?? '', staffRole: staffRoleOut(a.contact_staff) } : null,
    dueOn: a.due_on,
    measure: { en: a.measure_en, fr: a.measure_fr },
    status: a.status,
    statusAt: a.status_at.toISOString(),
    overdue: isOverdue(a.due_on, a.status, today),
    ...(reports ? { reports: reports.map(presentReport) } : {}),
  };
}

/** A pledge as the API shows it. */
export function presentPledge(p: PledgeRow, today: string, reports?: ReportRow[]) {
  return {
    id: p.id,
    recommendationId: p.recommendation_id,
    organisation: { id: p.organisation_id, name: p.organisation_name },
    text: p.text,
    lang: p.lang,
    dueOn: p.due_on,
    status: p.status,
    statusAt: p.status_at.toISOString(),
    overdue: isOverdue(p.due_on, p.status, today),
    signedBy: p.signer_name,
    signedByStaffRole: staffRoleOut(p.signer_staff),
    signedAs: p.signed_as,
    signedAt: p.signed_at.toISOString(),
    ...(reports ? { reports: reports.map(presentReport) } : {}),
  };
}

/** Counts with their shares of all recommendations. */
function presentFigures(f: Figures, total: number) {
  const share = (n: number) => (total ? n / total : 0);
  return {
    withOwner: { count: f.withOwner, share: share(f.withOwner) },
    done: { count: f.done, share: share(f.done) },
    late: { count: f.late, share: share(f.late) },
  };
}

/** The tracker as JSON (the API and the page's tracker.json). */
export function presentTracker(process: Process, tracker: Tracker, baseUrl: string) {
  return {
    process: { id: process.id, slug: process.slug, title: { en: process.title_en, fr: process.title_fr }, timeZone: process.timezone },
    asOf: tracker.today,
    url: `${baseUrl}/en/processes/${process.slug}/tracker`,
    figures: {
      recommendations: tracker.total,
      overall: presentFigures(tracker.overall, tracker.total),
      byStakeholderGroup: tracker.byGroup.map((g) => ({ key: g.key, name: { en: g.nameEn, fr: g.nameFr }, ...presentFigures(g, tracker.total) })),
    },
    recommendations: tracker.sections.map((s) => ({
      id: s.recommendation.id,
      number: s.recommendation.number,
      title: { en: s.recommendation.title_en, fr: s.recommendation.title_fr },
      actions: s.actions.map((a) => ({ ...presentAction(a, tracker.today, a.reports), stakeholderGroup: a.stakeholderGroupId })),
      pledges: s.pledges.map((p) => presentPledge(p, tracker.today, p.reports)),
    })),
  };
}

/** The CSV columns, in English (a CSV is read by programs and spreadsheets alike). */
const CSV_HEADER = ['kind', 'recommendation', 'recommendation_title_en', 'id', 'title_en', 'title_fr', 'organisation', 'due_on', 'status', 'overdue', 'last_report_at', 'last_report', 'last_reason', 'evidence'];

/**
 * The tracker as CSV: one line per action and per pledge with its latest report. Every field
 * goes through csvField, which quotes and defuses spreadsheet formulas (a title starting with
 * "=" is text, not a formula).
 */
export function trackerCsv(tracker: Tracker): string {
  const lines = [CSV_HEADER.join(',')];
  for (const s of tracker.sections) {
    const rec = [s.recommendation.number, s.recommendation.title_en];
    for (const a of s.actions) {
      const last = a.reports.at(-1);
      lines.push(
        ['action', ...rec, a.id, a.title_en, a.title_fr, a.owner_name, a.due_on, a.status, a.overdue ? 'yes' : 'no', last?.reported_at.toISOString() ?? '', last?.body ?? '', last?.reason ?? '', last?.evidence_urls.join(' ') ?? '']
          .map(csvField)
          .join(','),
      );
    }
    for (const p of s.pledges) {
      const last = p.reports.at(-1);
      lines.push(
        ['pledge', ...rec, p.id, p.lang === 'en' ? p.text : '', p.lang === 'fr' ? p.text : '', p.organisation_name, p.due_on ?? '', p.status, p.overdue ? 'yes' : 'no', last?.reported_at.toISOString() ?? '', last?.body ?? '', last?.reason ?? '', last?.evidence_urls.join(' ') ?? '']
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
