import { defineModule } from '../../platform/modules/define.js';
import { processesDemo } from './processes.demo.js';
import { processesApi } from './processes.routes.js';
import { processesPages } from './processes.pages.js';

/** Processes, their phases and stakeholder groups, and templates. */
export default defineModule({
  name: 'processes',
  api: [processesApi],
  pages: [processesPages],
  demo: processesDemo,
});
