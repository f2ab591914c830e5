import { defineModule } from '../../platform/modules/define.js';
import { participantsDemo } from './participants.demo.js';
import { processBalanceSection } from './participants.sections.js';
import { participantsApi } from './participants.routes.js';
import { participantsPages } from './participants.pages.js';
import { reindexParticipants } from './participants.service.js';

/** Organisations, members, invitations, balance and the directory. */
export default defineModule({
  name: 'participants',
  api: [participantsApi],
  pages: [participantsPages],
  reindex: { participant: reindexParticipants },
  sections: [{ slot: 'process.sections', order: 40, render: processBalanceSection }],
  demo: participantsDemo,
});
