import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** The parts of an OpenAPI 3.1 document the reference page reads. */
export interface OpenApiDoc {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A tag as an anchor and a message key: tags are the code's English words ("working groups"). */
const tagId = (tag: string) => tag.replace(/\s+/g, '-');

/**
 * The API reference, rendered on the server from the same document as /api/openapi.json:
 * readable without JavaScript, and nothing loaded from elsewhere.
 */
export function ApiReferenceView({ ctx, doc }: { ctx: PageCtx; doc: OpenApiDoc }) {
  const { t } = ctx;
  const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]! })),
  );
  const tags = [...new Set(ops.map((o) => o.op.tags?.[0] ?? 'other'))];
  return (
    <Layout ctx={ctx} title={t('api.title')}>
      <h1>{t('api.title')}</h1>
      <p>{t('api.intro')}</p>
      <p>
        <a href="/api/openapi.json">{t('api.download')}</a>
      </p>
      <nav aria-label={t('api.tagsLabel')}>
        <ul>
          {tags.map((tag) => (
            <li>
              <a href={`#tag-${tagId(tag)}`}>{t(`api.tags.${tagId(tag)}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section aria-labelledby={`tag-${tagId(tag)}`}>
          <h2 id={`tag-${tagId(tag)}`}>{t(`api.tags.${tagId(tag)}`)}</h2>
          {ops
            .filter((o) => (o.op.tags?.[0] ?? 'other') === tag)
            .map(({ path, method, op }) => (
              <article class="op">
                <h3>
                  <span class="method">{method.toUpperCase()}</span> {path}
                </h3>
                {/* Summaries come from the code, in English: say so to screen readers on French pages. */}
                {op.summary && <p lang="en">{op.summary}</p>}
                {op.parameters && op.parameters.length > 0 && (
                  <ScrollTable label={t('api.parameters')}>
                    <caption>{t('api.parameters')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('api.name')}</th>
                        <th scope="col">{t('api.in')}</th>
                        <th scope="col">{t('api.required')}</th>
                        <th scope="col">{t('api.description')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {op.parameters.map((p) => (
                        <tr>
                          <td>
                            <code>{p.name}</code>
                          </td>
                          <td>{t(`api.locations.${p.in}`)}</td>
                          <td>{p.required ? t('api.yes') : t('api.no')}</td>
                          <td lang="en">{p.description ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </ScrollTable>
                )}
                {op.requestBody?.content?.['application/json']?.schema !== undefined && (
                  <details>
                    <summary>{t('api.requestBody')}</summary>
                    <pre>{JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)}</pre>
                  </details>
                )}
                <p>
                  {t('api.responses')}: {Object.keys(op.responses ?? {}).join(', ')}
                </p>
              </article>
            ))}
        </section>
      ))}
    </Layout>
  );
}
