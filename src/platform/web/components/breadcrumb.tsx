import type { PageCtx } from '../context.js';

/** A step back up the trail: where it leads and what it is called (and its language, if not the page's). */
export interface Crumb {
  href: string;
  label: string;
  lang?: string | undefined;
}

/**
 * Where the page sits: a navigation landmark named in the page's language, the trail as an
 * ordered list, and the page itself last, marked `aria-current="page"` (not a link: it is
 * where the reader already is). The separators are drawn by CSS so screen readers do not
 * read them. Items without a label (an absent group) are left out.
 * @example <Breadcrumb ctx={ctx} trail={[{ href: '/en/processes/x', label: 'X' }]} current="Meetings" />
 */
export function Breadcrumb(props: { ctx: PageCtx; trail: readonly (Crumb | false | null | undefined)[]; current: string; currentLang?: string | undefined }) {
  const trail = props.trail.filter((c): c is Crumb => !!c && c.label !== '');
  return (
    <nav class="breadcrumb" aria-label={props.ctx.t('layout.breadcrumb')}>
      <ol>
        {trail.map((c) => (
          <li key={c.href}>
            <a href={c.href} lang={c.lang}>
              {c.label}
            </a>
          </li>
        ))}
        <li>
          <span aria-current="page" lang={props.currentLang}>
            {props.current}
          </span>
        </li>
      </ol>
    </nav>
  );
}
