import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import type { Phase } from '../processes.repository.js';

/** Dates are calendar days; format them at noon UTC so no time zone moves them. */
function day(lang: 'en' | 'fr', date: string): string {
  return formatDate(lang, new Date(`${date}T12:00:00Z`), 'UTC');
}

/**
 * The phases of a process as an ordered list, the current one marked in words and with
 * aria-current="step" (not by colour alone).
 */
export function Timeline({ ctx, phases, currentId }: { ctx: PageCtx; phases: Phase[]; currentId: string | undefined }) {
  const { t, lang } = ctx;
  if (phases.length === 0) return null;
  return (
    <ol class="timeline">
      {phases.map((p) => {
        const current = p.id === currentId;
        return (
          <li key={p.id} class={current ? 'timeline__phase timeline__phase--current' : 'timeline__phase'} aria-current={current ? 'step' : undefined}>
            <span class="timeline__name">{pick(lang, p, 'name')}</span>
            {current && <span class="badge">{t('processes.current')}</span>}
            <span class="timeline__dates">{t('processes.phaseDates', { start: day(lang, p.starts_on), end: day(lang, p.ends_on) })}</span>
          </li>
        );
      })}
    </ol>
  );
}
