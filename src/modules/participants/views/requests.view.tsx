import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, Form } from '../../../platform/web/components/forms.js';

/** One pending request, as the conveners' page lays it out. */
export interface RequestModel {
  id: string;
  name: string;
  email: string;
  organisationName: string;
  organisationPath: string;
  requested: string;
  decidePath: string;
}

/** The conveners' page: who asked to act for which organisation when joining the process. */
export interface RequestsPageModel {
  processTitle: string;
  processPath: string;
  requests: RequestModel[];
}

/** Pending "I act for this organisation" requests, each with approve and refuse buttons (plain forms). */
export function OrganisationRequestsView({ ctx, model, errors = {} }: { ctx: PageCtx; model: RequestsPageModel; errors?: Record<string, string> }) {
  const { t } = ctx;
  const title = t('participants.requests.title', { title: model.processTitle });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={model.processPath}>{model.processTitle}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('participants.requests.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {model.requests.length === 0 ? (
        <p class="muted">{t('participants.requests.none')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('participants.requests.person')}</th>
              <th scope="col">{t('participants.requests.organisation')}</th>
              <th scope="col">{t('participants.requests.requested')}</th>
              <th scope="col">{t('participants.requests.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {model.requests.map((r) => (
              <tr key={r.id} id={`request-${r.id}`}>
                <td>
                  {r.name} <span class="hint">({r.email})</span>
                </td>
                <td>
                  <a href={r.organisationPath}>{r.organisationName}</a>
                </td>
                <td>{r.requested}</td>
                <td>
                  <Form ctx={ctx} action={r.decidePath} class="form form--inline">
                    <button type="submit" name="decision" value="approve">
                      {t('participants.requests.approve')}
                    </button>{' '}
                    <button type="submit" name="decision" value="refuse" class="button--secondary">
                      {t('participants.requests.refuse')}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
