import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Form } from '../../../platform/web/components/forms.js';
import type { AccountPageModel } from '../accounts.page-presenter.js';

/** The signed-in person's own page: who they are, their roles, whether their email is confirmed. */
export function AccountView({ ctx, model: m }: { ctx: PageCtx; model: AccountPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <dl class="facts">
        <dt>{t('fields.name')}</dt>
        <dd>{m.name}</dd>
        <dt>{t('fields.email')}</dt>
        <dd>{m.email}</dd>
        <dt>{t('account.emailStatus')}</dt>
        <dd>{m.confirmedOn !== null ? t('account.confirmedOn', { date: m.confirmedOn }) : t('account.notConfirmed')}</dd>
        <dt>{t('account.memberSince')}</dt>
        <dd>{m.memberSince}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>{m.roles.length === 0 ? t('account.noRoles') : m.roles.map((r) => t(`roles.${r}`)).join(', ')}</dd>
      </dl>
      {m.resendAction !== null && (
        <div class="warning">
          <p>{t('account.confirmPrompt')}</p>
          <Form ctx={ctx} action={m.resendAction}>
            <button type="submit" class="button">
              {t('account.resend')}
            </button>
          </Form>
        </div>
      )}
    </Layout>
  );
}
