import type { PageCtx } from '../../../platform/web/context.js';
import { Form } from '../../../platform/web/components/forms.js';
import { ConvenerTablePage } from './convener-table.js';

/** One role someone holds, with what the revoke form sends back. */
export interface HolderModel {
  key: string;
  userId: string;
  name: string;
  role: string;
  roleName: string;
  groupId: string;
}

/** One past revocation. */
export interface RevocationModel {
  id: string;
  name: string;
  roleName: string;
  reason: string;
  by: string;
  at: string;
}

/** The conveners' roles page. */
export interface ProcessRolesModel {
  processTitle: string;
  processPath: string;
  revokePath: string;
  holders: HolderModel[];
  revocations: RevocationModel[];
}

/** Who holds which role, a revoke form per role (a reason is required), and what was revoked and why. */
export function ProcessRolesView({ ctx, model, values = {}, errors = {} }: { ctx: PageCtx; model: ProcessRolesModel; values?: Record<string, string | undefined>; errors?: Record<string, string> }) {
  const { t } = ctx;
  const title = t('participants.roles.title', { title: model.processTitle });
  // The form sent back with an error shows its reason again, beside the row it belongs to.
  const failed = `${values.userId ?? ''}:${values.role ?? ''}:${values.groupId ?? ''}`;
  return (
    <ConvenerTablePage
      ctx={ctx}
      title={title}
      process={{ title: model.processTitle, path: model.processPath }}
      intro={t('participants.roles.intro')}
      errors={errors}
      columns={[t('participants.roles.person'), t('participants.roles.role'), t('participants.roles.revoke')]}
      after={
        <>
          <h2>{t('participants.roles.revokedTitle')}</h2>
          {model.revocations.length === 0 ? (
            <p class="muted">{t('participants.roles.noneRevoked')}</p>
          ) : (
            <ul>
              {model.revocations.map((v) => (
                <li key={v.id}>{t('participants.roles.revokedLine', { name: v.name, role: v.roleName, by: v.by, at: v.at, reason: v.reason })}</li>
              ))}
            </ul>
          )}
        </>
      }
    >
      {model.holders.map((h) => {
        const id = `reason-${h.key.replaceAll(':', '-')}`;
        const error = h.key === failed ? errors.reason : undefined;
        return (
          <tr key={h.key}>
            <td>{h.name}</td>
            <td>{h.roleName}</td>
            <td>
              <Form ctx={ctx} action={model.revokePath} class="form form--inline">
                <input type="hidden" name="userId" value={h.userId} />
                <input type="hidden" name="role" value={h.role} />
                <input type="hidden" name="groupId" value={h.groupId} />
                <label for={id}>{t('participants.roles.reason')}</label>{' '}
                <input id={id} name="reason" required maxLength={2000} value={h.key === failed ? values.reason : undefined} aria-invalid={error ? 'true' : undefined} />
                {error && <span class="error">{error}</span>}{' '}
                <button type="submit">{t('participants.roles.revoke')}</button>
              </Form>
            </td>
          </tr>
        );
      })}
    </ConvenerTablePage>
  );
}
