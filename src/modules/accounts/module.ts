import { defineModule } from '../../platform/modules/define.js';
import { accountsApi } from './accounts.routes.js';
import { accountsPages } from './accounts.pages.js';

/** Accounts: register, confirm, sign in and out, reset, roles. */
export default defineModule({
  name: 'accounts',
  api: [accountsApi],
  pages: [accountsPages],
});
