import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { LOCALES } from '../../../platform/i18n/i18n.js';
import { formatInstant } from '../../../platform/time/zoned.js';
import type { Call } from '../consensus.repository.js';
import type { CallTarget } from '../consensus.service.js';
import { targetPath } from '../consensus.presenter.js';
import { canRead } from '../../documents/index.js';

/**
 * How long until an instant, in the largest whole unit ("in 3 days", « dans 3 jours »).
 * @example timeLeft('en', new Date('2019-03-29T21:00:00Z'), new Date('2019-03-26T20:00:00Z')) // 'in 3 days'
 */
export function timeLeft(lang: 'en' | 'fr', until: Date, now: Date): string {
  const s = Math.max(0, Math.floor((until.getTime() - now.getTime()) / 1000));
  const f = new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'always' });
  if (s >= 86_400) return f.format(Math.floor(s / 86_400), 'day');
  if (s >= 3600) return f.format(Math.floor(s / 3600), 'hour');
  if (s >= 60) return f.format(Math.floor(s / 60), 'minute');
  return f.format(s, 'second');
}

/** A call's question in the reader's language. */
export const questionOf = (lang: 'en' | 'fr', call: Pick<Call, 'question_en' | 'question_fr'>) => (pick(lang, call, 'question'));

/** Where a call stands: its deadline with the time left, or that it is closed. */
export function DeadlineLine(props: { ctx: PageCtx; call: Call; now: Date }) {
  const { ctx, call, now } = props;
  const { t, lang } = ctx;
  const deadline = formatInstant(lang, call.deadline, call.time_zone);
  if (call.status === 'closed') return <p class="meta">{t('consensus.state.closed', { deadline })}</p>;
  if (now.getTime() >= call.deadline.getTime()) return <p class="meta">{t('consensus.state.pastDeadline', { deadline })}</p>;
  return (
    <p class="meta">
      {t('consensus.state.open', { deadline, zone: call.time_zone })} <strong>{t('consensus.state.left', { left: timeLeft(lang, call.deadline, now) })}</strong>
    </p>
  );
}

/** The call's target as a link: a document version (and section), or a recommendation. */
export function TargetLink(props: { ctx: PageCtx; processSlug: string; call: Call; target: CallTarget }) {
  const { ctx, call, target } = props;
  const { t, lang } = ctx;
  const path = targetPath(props.processSlug, call, target);
  let text: string;
  if (target.recommendation) {
    text = t('consensus.target.recommendation', { number: target.recommendation.number, title: pick(lang, target.recommendation, 'title') });
  } else if (target.document && !canRead(target.document, ctx.actor)) {
    // The call is public; a members-only text's title is not.
    return (
      <p>
        {t('consensus.target.on')} {t('consensus.target.membersOnly')}
      </p>
    );
  } else if (target.document && target.version) {
    text = target.label
      ? t('consensus.target.section', { title: target.document.title, version: target.version.number, label: target.label })
      : t('consensus.target.document', { title: target.document.title, version: target.version.number });
  } else {
    text = t('consensus.target.unknown');
  }
  return (
    <p>
      {t('consensus.target.on')} {path ? <a href={localPath(lang, path)}>{text}</a> : text}
    </p>
  );
}
