import { defineModule } from '../../platform/modules/define.js';
import { consensusDemo } from './consensus.demo.js';
import { consensusApi } from './consensus.routes.js';
import { consensusPages } from './consensus.pages.js';
import * as m0026 from './migrations/0026_consensus_translations.js';

/** Consensus calls, positions by stakeholder group, outcomes and appeals. */
export default defineModule({
  name: 'consensus',
  api: [consensusApi],
  pages: [consensusPages],
  demo: consensusDemo,
  migrations: { '0026_consensus_translations': m0026 },
});
