import type { PageCtx } from '../../../platform/web/context.js';

/**
 * A page's context plus how the report writes its links: local (`/fr/…`) on the page, absolute
 * on the printable page, so the print rules of app.css print each address after its link.
 */
export interface ReportCtx extends PageCtx {
  link: (path: string) => string;
}
