import { defineModule } from '../../platform/modules/define.js';
import { callsDemo } from './calls.demo.js';
import { processCallsSection } from './calls.sections.js';
import { callsApi } from './calls.routes.js';
import { callsPages } from './calls.pages.js';

/** Calls for input and the reports sent to them. */
export default defineModule({
  name: 'calls',
  api: [callsApi],
  pages: [callsPages],
  sections: [{ slot: 'process.sections', order: 30, render: processCallsSection }],
  demo: callsDemo,
});
