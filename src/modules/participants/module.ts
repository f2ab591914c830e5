import { defineModule } from '../../platform/modules/define.js';
import { participantsDemo } from './participants.demo.js';
import { processBalanceSection } from './participants.sections.js';
import { participantsApi } from './participants.routes.js';
import { participantsPages } from './participants.pages.js';
import { organisationRolesApi } from './organisation-roles.routes.js';
import { organisationPages } from './organisation.pages.js';
import { organisationRequestsApi } from './organisation-requests.routes.js';
import { organisationRequestsPages } from './organisation-requests.pages.js';
import { processRolesApi } from './process-roles.routes.js';
import { processRolesPages } from './process-roles.pages.js';
import { reindexParticipants } from './participants.service.js';
import * as m0018 from './migrations/0018_organisation_roles.js';
import * as m0019 from './migrations/0019_organisation_representatives.js';
import * as m0021 from './migrations/0021_role_revocations.js';

/** Organisations and who acts for them, members, invitations, balance and the directory. */
export default defineModule({
  name: 'participants',
  api: [participantsApi, organisationRolesApi, organisationRequestsApi, processRolesApi],
  pages: [participantsPages, organisationPages, organisationRequestsPages, processRolesPages],
  migrations: { '0018_organisation_roles': m0018, '0019_organisation_representatives': m0019, '0021_role_revocations': m0021 },
  reindex: { participant: reindexParticipants },
  sections: [{ slot: 'process.sections', order: 40, render: processBalanceSection }],
  demo: participantsDemo,
});
