import type { ProcessDetail } from './processes.service.js';
import { currentPhase } from './processes.service.js';
import type { ProcessOut } from './processes.schema.js';
import type { Process } from './processes.repository.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/i18n/pick.js';
import { localPath } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';

/** The API's view of a process, with bilingual fields as {en, fr} and the current phase marked. */
export function presentProcess(d: ProcessDetail, baseUrl: string, now: Date = new Date()): ProcessOut {
  const { process: p, phases, stakeholderGroups } = d;
  const current = currentPhase(phases, p.timezone, now);
  return {
    id: p.id,
    slug: p.slug,
    title: { en: p.title_en, fr: p.title_fr },
    summary: { en: p.summary_en, fr: p.summary_fr },
    description: { en: p.description_en, fr: p.description_fr },
    registration: p.registration,
    timezone: p.timezone,
    templateSourceId: p.template_source_id,
    phases: phases.map((ph) => ({ kind: ph.kind, name: { en: ph.name_en, fr: ph.name_fr }, startsOn: ph.starts_on, endsOn: ph.ends_on, current: ph.id === current?.id })),
    stakeholderGroups: stakeholderGroups.map((g) => ({ id: g.id, key: g.key, name: { en: g.name_en, fr: g.name_fr }, targetShare: g.target_share === null ? null : Number(g.target_share) })),
    url: `${baseUrl}/en/processes/${p.slug}`,
  };
}

/** The first step of every breadcrumb inside a process: its page, named in the reader's language. */
export function processCrumb(lang: Lang, p: Pick<Process, 'slug' | 'title_en' | 'title_fr'>): Crumb {
  return { href: localPath(lang, `/processes/${p.slug}`), label: pick(lang, p, 'title') };
}
