import { defineModule } from '../../platform/modules/define.js';
import { accountsApi } from './accounts.routes.js';
import { accountsPages } from './accounts.pages.js';
import { installationRolesApi } from './installation-roles.routes.js';
import * as m0023 from './migrations/0023_sign_in_links.js';

/** Accounts: register, confirm, sign in (by password or emailed link) and out, reset, roles (installation roles included). */
export default defineModule({
  name: 'accounts',
  api: [accountsApi, installationRolesApi],
  pages: [accountsPages],
  migrations: { '0023_sign_in_links': m0023 },
});
