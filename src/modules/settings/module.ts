import { defineModule } from '../../platform/modules/define.js';

/** Installation-wide settings (the cookie secret). */
export default defineModule({
  name: 'settings',
});
