import type { FastifyPluginAsync } from 'fastify';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { parseForm, problemToFormErrors } from '../../platform/web/forms.js';
import { listProcesses } from '../processes/index.js';
import { SearchPageQuery, PAGE_SIZE } from './search.schema.js';
import { searchSite, type SearchOutcome } from './search.service.js';
import { searchRate } from './search.query.js';
import { searchPage, type SearchFormValues } from './search.page-presenter.js';
import { SearchView } from './views/search.view.js';

const FIELDS = new Set(['q', 'process', 'kind', 'subkind', 'lang']);

/** The search page, for one language prefix. */
export const searchPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;

  app.get('/search', { config: { policy: 'public.read', ...searchRate(app.deps.config.searchPerMinute) }, schema: { hide: true } }, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof raw[k] === 'string' ? raw[k] : '');
    const values: SearchFormValues = { q: str('q'), process: str('process'), kind: str('kind'), subkind: str('subkind'), lang: str('lang') };
    const parsed = parseForm(SearchPageQuery, raw, req.t);
    let errors: Record<string, string> = {};
    let outcome: SearchOutcome | undefined;
    let status = 200;
    if (!parsed.ok) {
      errors = parsed.errors;
      status = 400;
    } else if (parsed.data.q) {
      try {
        outcome = await searchSite(db(), req.actor, req.lang, parsed.data);
      } catch (err) {
        const e = problemToFormErrors(err, req.t);
        errors = e.errors;
        status = e.status;
      }
    }
    // Errors without a field of their own (the page number) are listed without a link.
    errors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [FIELDS.has(k) || k === '_' ? k : '_', v]));
    const href = (page: number) => {
      const p = new URLSearchParams(Object.entries(values).filter((e) => e[1] !== ''));
      if (page > 1) p.set('page', String(page));
      return localPath(req.lang, `/search?${p}`);
    };
    const processes = outcome?.processes ?? (await listProcesses(db()));
    const ctx = pageCtx(req, reply);
    const model = searchPage(
      {
        values,
        processes,
        outcome: outcome && {
          items: outcome.items,
          from: (outcome.page - 1) * PAGE_SIZE + 1,
          prevHref: outcome.page > 1 ? href(outcome.page - 1) : undefined,
          nextHref: outcome.next ? href(outcome.next) : undefined,
        },
      },
      ctx,
    );
    return sendPage(reply, <SearchView ctx={ctx} model={model} errors={errors} />, status);
  });
};
