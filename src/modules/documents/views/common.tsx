import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import type { WorkingGroup } from '../../groups/index.js';
import type { DocumentRow } from '../documents.repository.js';

/** Who a document belongs to, in the reader's language: a working group's name or "Process". */
export function ownerName(ctx: PageCtx, doc: DocumentRow, groups: WorkingGroup[]): string {
  const g = doc.group_id ? groups.find((x) => x.id === doc.group_id) : undefined;
  if (!g) return ctx.t('documents.processDocument');
  return pick(ctx.lang, g, 'name');
}

/** The language name of a document, in the reader's language. */
export const langName = (ctx: PageCtx, lang: 'en' | 'fr') => ctx.t(`documents.langs.${lang}`);
