import { defineModule } from '../../platform/modules/define.js';
import { mailApi } from './mail.routes.js';
import { mailPages } from './mail.pages.js';

/** The outbox every email goes through, and its delivery. */
export default defineModule({
  name: 'mail',
  api: [mailApi],
  pages: [mailPages],
});
