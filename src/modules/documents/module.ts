import { defineModule } from '../../platform/modules/define.js';
import { documentsDemo } from './documents.demo.js';
import { documentsApi } from './documents.routes.js';
import { documentsPages } from './documents.pages.js';

/** Versioned bilingual documents with stable paragraph anchors. */
export default defineModule({
  name: 'documents',
  api: [documentsApi],
  pages: [documentsPages],
  demo: documentsDemo,
});
