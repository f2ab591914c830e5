import { defineModule } from '../../platform/modules/define.js';
import { searchApi } from './search.routes.js';
import { searchPages } from './search.pages.js';
import * as m0022 from './migrations/0022_search_campaigns.js';

/** Full-text search over what every module indexes. */
export default defineModule({
  name: 'search',
  api: [searchApi],
  pages: [searchPages],
  migrations: { '0022_search_campaigns': m0022 },
});
