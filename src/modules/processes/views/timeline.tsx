import type { PageCtx } from '../../../platform/web/context.js';
import type { PhaseModel } from '../processes.page-presenter.js';

/**
 * The phases of a process as an ordered list, the current one marked in words and with
 * aria-current="step" (not by colour alone).
 */
export function Timeline({ ctx, phases }: { ctx: PageCtx; phases: PhaseModel[] }) {
  const { t } = ctx;
  if (phases.length === 0) return null;
  return (
    <ol class="timeline">
      {phases.map((p) => (
        <li key={p.id} class={p.current ? 'timeline__phase timeline__phase--current' : 'timeline__phase'} aria-current={p.current ? 'step' : undefined}>
          <span class="timeline__name">{p.name}</span>
          {p.current && <span class="badge">{t('processes.current')}</span>}
          <span class="timeline__dates">{t('processes.phaseDates', { start: p.start, end: p.end })}</span>
        </li>
      ))}
    </ol>
  );
}
