import { defineModule } from '../../platform/modules/define.js';
import { participantsDemo } from './participants.demo.js';
import { processBalanceSection } from './participants.sections.js';
import { participantsApi } from './participants.routes.js';
import { participantsPages } from './participants.pages.js';
import { organisationRolesApi } from './organisation-roles.routes.js';
import { organisationPages } from './organisation.pages.js';
import { reindexParticipants } from './participants.service.js';
import * as m0018 from './migrations/0018_organisation_roles.js';

/** Organisations and who acts for them, members, invitations, balance and the directory. */
export default defineModule({
  name: 'participants',
  api: [participantsApi, organisationRolesApi],
  pages: [participantsPages, organisationPages],
  migrations: { '0018_organisation_roles': m0018 },
  reindex: { participant: reindexParticipants },
  sections: [{ slot: 'process.sections', order: 40, render: processBalanceSection }],
  demo: participantsDemo,
});
