import { defineModule } from '../../platform/modules/define.js';
import { recommendationsDemo } from './recommendations.demo.js';
import { recommendationsApi } from './recommendations.routes.js';
import { recommendationsPages } from './recommendations.pages.js';
import { finalReportPages } from './final-report.pages.js';
import { recommendationPath, recommendationSubjects } from './recommendations.service.js';

/** Recommendations and the final report. */
export default defineModule({
  name: 'recommendations',
  api: [recommendationsApi],
  pages: [recommendationsPages, finalReportPages],
  hooks: [
    { hook: 'consensus.recommendations', run: recommendationSubjects },
    { hook: 'consensus.recommendationPath', run: recommendationPath },
  ],
  demo: recommendationsDemo,
});
