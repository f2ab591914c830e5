import { defineModule } from '../../platform/modules/define.js';
import { homePages } from './home.pages.js';

/** The front page. */
export default defineModule({
  name: 'home',
  pages: [homePages],
});
