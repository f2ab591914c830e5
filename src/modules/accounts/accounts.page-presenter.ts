import type { User } from '../../platform/db/schema.js';
import { formatDate } from '../../platform/i18n/i18n.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';

/**
 * Page presenters: records in, the model a view lays out (in the reader's language) out. The
 * API's presenter is accounts.presenter.ts.
 */

/** The signed-in person's own page. */
export interface AccountPageModel {
  name: string;
  email: string;
  /** The day the email was confirmed, in the reader's language; null while it is not. */
  confirmedOn: string | null;
  memberSince: string;
  /** Role names (`roles.<key>` messages), one per role held. */
  roles: string[];
  /** Sending the confirmation again, while the email is not confirmed; else null. */
  resendAction: string | null;
}

export function accountPage(r: { user: User; roles: { role: string; process_id: string | null }[] }, ctx: ModelCtx): AccountPageModel {
  const { lang } = ctx;
  const { user } = r;
  return {
    name: user.name,
    email: user.email,
    confirmedOn: user.email_confirmed_at ? formatDate(lang, user.email_confirmed_at) : null,
    memberSince: formatDate(lang, user.created_at),
    roles: r.roles.map((x) => x.role),
    resendAction: user.email_confirmed_at ? null : localPath(lang, '/account/resend-confirmation'),
  };
}
