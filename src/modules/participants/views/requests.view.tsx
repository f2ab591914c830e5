import type { PageCtx } from '../../../platform/web/context.js';
import { Form } from '../../../platform/web/components/forms.js';
import { ConvenerTablePage } from './convener-table.js';

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
    <ConvenerTablePage
      ctx={ctx}
      title={title}
      process={{ title: model.processTitle, path: model.processPath }}
      intro={t('participants.requests.intro')}
      errors={errors}
      columns={[t('participants.requests.person'), t('participants.requests.organisation'), t('participants.requests.requested'), t('participants.requests.decision')]}
      empty={model.requests.length === 0 ? t('participants.requests.none') : undefined}
    >
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
    </ConvenerTablePage>
  );
}
