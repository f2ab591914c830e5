import { defineModule } from '../../platform/modules/define.js';
import { commentsDemo } from './comments.demo.js';
import { commentMargin } from './comments.margin.js';
import { commentsApi } from './comments.routes.js';
import { dispositionsApi } from './dispositions.routes.js';
import { periodsPages } from './periods.pages.js';
import { commentsPages } from './comments.pages.js';
import { dispositionsPages } from './dispositions.pages.js';
import { importsApi } from './imports.routes.js';
import { importsPages } from './imports.pages.js';
import { commentImportJob } from './comments.upload.js';
import * as m0027 from './migrations/0027_comment_imports.js';
import * as m0028 from './migrations/0028_comment_channels.js';
import * as m0029 from './migrations/0029_comment_import_uploads.js';
import * as m0031 from './migrations/0031_comment_counter_deltas.js';
import * as m0032 from './migrations/0032_comment_campaign_folds.js';
import * as m0034 from './migrations/0034_comment_arrivals_per_statement.js';
import { foldCountersJob } from './comments.counters.js';

/** Comment periods, comments, moderation, and a response to every comment. */
export default defineModule({
  name: 'comments',
  api: [commentsApi, dispositionsApi, importsApi],
  pages: [periodsPages, commentsPages, dispositionsPages, importsPages],
  jobs: [commentImportJob, foldCountersJob],
  hooks: [{ hook: 'document.margin', run: (db, documentId) => commentMargin(db, documentId) }],
  demo: commentsDemo,
  migrations: { '0027_comment_imports': m0027, '0028_comment_channels': m0028, '0029_comment_import_uploads': m0029, '0031_comment_counter_deltas': m0031, '0032_comment_campaign_folds': m0032, '0034_comment_arrivals_per_statement': m0034 },
});
