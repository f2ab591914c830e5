import { defineModule } from '../../platform/modules/define.js';
import { searchApi } from './search.routes.js';
import { searchPages } from './search.pages.js';

/** Full-text search over what every module indexes. */
export default defineModule({
  name: 'search',
  api: [searchApi],
  pages: [searchPages],
});
