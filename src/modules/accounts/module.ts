import { defineModule } from '../../platform/modules/define.js';
import { accountsApi } from './accounts.routes.js';
import { accountsPages } from './accounts.pages.js';
import { installationRolesApi } from './installation-roles.routes.js';

/** Accounts: register, confirm, sign in and out, reset, roles (installation roles included). */
export default defineModule({
  name: 'accounts',
  api: [accountsApi, installationRolesApi],
  pages: [accountsPages],
});
