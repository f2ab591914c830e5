import { defineModule } from '../../platform/modules/define.js';
import { commentsDemo } from './comments.demo.js';
import { commentMargin } from './comments.margin.js';
import { commentsApi } from './comments.routes.js';
import { dispositionsApi } from './dispositions.routes.js';
import { periodsPages } from './periods.pages.js';
import { commentsPages } from './comments.pages.js';
import { dispositionsPages } from './dispositions.pages.js';
import * as m0027 from './migrations/0027_comment_imports.js';
import * as m0028 from './migrations/0028_comment_channels.js';
import * as m0031 from './migrations/0031_comment_counter_deltas.js';
import { foldCountersJob } from './comments.counters.js';

/** Comment periods, comments, moderation, and a response to every comment. */
export default defineModule({
  name: 'comments',
  api: [commentsApi, dispositionsApi],
  pages: [periodsPages, commentsPages, dispositionsPages],
  hooks: [{ hook: 'document.margin', run: (db, documentId) => commentMargin(db, documentId) }],
  demo: commentsDemo,
  jobs: [foldCountersJob],
  migrations: { '0027_comment_imports': m0027, '0028_comment_channels': m0028, '0031_comment_counter_deltas': m0031 },
});
