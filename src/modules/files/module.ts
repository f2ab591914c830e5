import { defineModule } from '../../platform/modules/define.js';

/** Uploaded files, checked by content and kept in the database. */
export default defineModule({
  name: 'files',
});
