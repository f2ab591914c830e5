import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Form } from '../../../platform/web/components/forms.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import type { User } from '../../../platform/db/schema.js';

/** The signed-in person's own page: who they are, their roles, whether their email is confirmed. */
export function AccountView({ ctx, user, roles }: { ctx: PageCtx; user: User; roles: { role: string; process_id: string | null }[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <dl class="facts">
        <dt>{t('fields.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('fields.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.emailStatus')}</dt>
        <dd>{user.email_confirmed_at ? t('account.confirmedOn', { date: formatDate(lang, user.email_confirmed_at) }) : t('account.notConfirmed')}</dd>
        <dt>{t('account.memberSince')}</dt>
        <dd>{formatDate(lang, user.created_at)}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>
          {roles.length === 0
            ? t('account.noRoles')
            : roles.map((r) => t(`roles.${r.role}`)).join(', ')}
        </dd>
      </dl>
      {!user.email_confirmed_at && (
        <div class="warning">
          <p>{t('account.confirmPrompt')}</p>
          <Form ctx={ctx} action={localPath(lang, '/account/resend-confirmation')}>
            <button type="submit" class="button">
              {t('account.resend')}
            </button>
          </Form>
        </div>
      )}
    </Layout>
  );
}
