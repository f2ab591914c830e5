import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import { can } from '../../platform/auth/policies.js';
import { formatDateTime, formatNumber } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/i18n/pick.js';
import { OUTCOMES, commentPath, periodPath, periodTrail, signalsModel, type GroupText, type PeriodDetail, type Signals, type SignalsModel } from '../comments/index.js';
import type { Process, StakeholderGroup } from '../processes/index.js';
import type { CampaignFacetRow, CampaignGroupRow, CampaignRow, CampaignRun } from './campaigns.repository.js';

/** Where a period's campaigns are reviewed. */
export const campaignsPath = (slug: string, periodId: string) => `${periodPath(slug, periodId)}/campaigns`;
/** One campaign's page. */
export const campaignPath = (slug: string, periodId: string, campaignId: string) => `${campaignsPath(slug, periodId)}/${campaignId}`;

/** The first characters of a text, for a list. */
function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function runLine(ctx: ModelCtx, run: CampaignRun | undefined, zone: string): string {
  if (!run) return ctx.t('campaigns.neverRun');
  return ctx.t('campaigns.lastRun', { when: formatDateTime(ctx.lang, run.finished_at, zone), texts: formatNumber(ctx.lang, run.texts), count: run.texts });
}

/** A period's campaigns, largest first, with the button that asks for a new detection. */
export interface CampaignListPageModel {
  title: string;
  trail: Crumb[];
  runLine: string;
  detectAction: string | null;
  campaigns: { path: string; kind: string; count: string; texts: string; excerpt: string; lang: string }[];
  more: string | null;
}

export function campaignListPage(
  r: { process: Process; d: PeriodDetail; campaigns: CampaignRow[]; total: number; run: CampaignRun | undefined; representatives: Map<string, GroupText> },
  ctx: ModelCtx,
): CampaignListPageModel {
  const { t, lang } = ctx;
  const slug = r.process.slug;
  const periodId = r.d.period.id;
  return {
    title: t('campaigns.listTitle'),
    trail: periodTrail(ctx, slug, r.d),
    runLine: runLine(ctx, r.run, r.d.period.time_zone),
    detectAction: can(ctx.actor, 'campaign.review', { processId: r.process.id }) ? localPath(lang, `${campaignsPath(slug, periodId)}/detect`) : null,
    campaigns: r.campaigns.map((c) => {
      const rep = r.representatives.get(c.representative_group_id);
      return {
        path: localPath(lang, campaignPath(slug, periodId, c.id)),
        kind: t(`campaigns.kinds.${c.kind}`),
        count: formatNumber(lang, c.member_count),
        texts: formatNumber(lang, c.text_count),
        excerpt: rep ? excerpt(rep.text) : t('campaigns.allHidden'),
        lang: rep?.lang ?? lang,
      };
    }),
    more: r.total > r.campaigns.length ? t('campaigns.more', { shown: formatNumber(lang, r.campaigns.length), total: formatNumber(lang, r.total) }) : null,
  };
}

/** A bar of the timeline: the day, its count, and the bar's height as a share of the tallest. */
export interface DayBar {
  day: string;
  label: string;
  count: string;
  share: number;
}

/** One campaign: its text, count, variants, breakdowns, timeline and the form that answers it whole. */
export interface CampaignPageModel {
  title: string;
  trail: Crumb[];
  kind: string;
  count: string;
  texts: string;
  asOf: string;
  representative: { text: string; lang: string } | null;
  variants: { count: string; text: string; lang: string; personal: string | null; personalised: boolean; path: string | null }[];
  moreVariants: string | null;
  byGroup: { label: string; count: string }[];
  byChannel: { label: string; count: string }[];
  timeline: DayBar[];
  response: { action: string; outcomes: { value: string; label: string }[] } | null;
  /** The flood signals of the campaign's comments (they inform; they never hide a comment). */
  signals: SignalsModel;
  /** When the signals were counted (at detection), or null when counted for this view. */
  signalsNote: string | null;
}

export function campaignPage(
  r: {
    process: Process;
    d: PeriodDetail;
    groups: StakeholderGroup[];
    campaign: CampaignRow;
    representative: GroupText | undefined;
    variants: (CampaignGroupRow & { text: GroupText | undefined })[];
    facets: CampaignFacetRow[];
    run: CampaignRun | undefined;
    canRespond: boolean;
    signals: Signals;
    /** Whether the signals are the ones stored at detection (so as of its run). */
    signalsStored: boolean;
  },
  ctx: ModelCtx,
): CampaignPageModel {
  const { t, lang } = ctx;
  const c = r.campaign;
  const slug = r.process.slug;
  const names = new Map(r.groups.map((g) => [g.id, pick(lang, g, 'name')]));
  const of = (facet: CampaignFacetRow['facet']) => r.facets.filter((f) => f.facet === facet);
  const days = of('day').sort((a, b) => (a.key < b.key ? -1 : 1));
  const tallest = Math.max(1, ...days.map((d) => d.count));
  const dayLabel = (iso: string) => new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
  return {
    title: t('campaigns.campaignTitle', { kind: t(`campaigns.kinds.${c.kind}`), count: c.member_count, n: formatNumber(lang, c.member_count) }),
    trail: [...periodTrail(ctx, slug, r.d), { href: localPath(lang, campaignsPath(slug, r.d.period.id)), label: t('campaigns.listTitle') }],
    kind: t(`campaigns.kinds.${c.kind}`),
    count: formatNumber(lang, c.member_count),
    texts: formatNumber(lang, c.text_count),
    asOf: runLine(ctx, r.run, r.d.period.time_zone),
    representative: r.representative ? { text: r.representative.text, lang: r.representative.lang } : null,
    variants: r.variants.map((v) => {
      const text = v.text?.text ?? '';
      // The personal note first, then the letter without it (when the note is one piece).
      const letter = v.personal !== null && v.personal_offset !== null ? (text.slice(0, v.personal_offset) + text.slice(v.personal_offset + v.personal.length)).trim() : text;
      return {
        count: formatNumber(lang, v.size),
        text: v.text ? letter : t('campaigns.allHidden'),
        lang: v.text?.lang ?? lang,
        personal: v.personal,
        personalised: v.personal !== null,
        path: v.text ? localPath(lang, commentPath(slug, v.text.primaryCommentId)) : null,
      };
    }),
    moreVariants: c.group_count > r.variants.length ? t('campaigns.moreVariants', { shown: formatNumber(lang, r.variants.length), total: formatNumber(lang, c.group_count) }) : null,
    byGroup: of('group')
      .sort((a, b) => b.count - a.count)
      .map((f) => ({ label: f.key ? (names.get(f.key) ?? t('campaigns.unknownGroup')) : t('campaigns.noGroup'), count: formatNumber(lang, f.count) })),
    byChannel: of('channel')
      .sort((a, b) => b.count - a.count)
      .map((f) => ({ label: t(`comments.channels.${f.key}`), count: formatNumber(lang, f.count) })),
    signals: signalsModel(r.signals, ctx, r.d.period.time_zone),
    signalsNote: r.signalsStored && r.run ? t('campaigns.signalsAsOf', { when: formatDateTime(lang, r.run.finished_at, r.d.period.time_zone) }) : null,
    timeline: days.map((d) => ({ day: d.key, label: dayLabel(d.key), count: formatNumber(lang, d.count), share: d.count / tallest })),
    response: r.canRespond ? { action: localPath(lang, `${campaignPath(slug, r.d.period.id, c.id)}/response`), outcomes: OUTCOMES.map((o) => ({ value: o, label: t(`dispositions.outcomes.${o}`) })) } : null,
  };
}
