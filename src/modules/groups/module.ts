import { defineModule } from '../../platform/modules/define.js';
import { groupsDemo } from './groups.demo.js';
import { processGroupsSection } from './groups.sections.js';
import { copyGroups } from './groups.service.js';
import { groupsApi } from './groups.routes.js';
import { groupsPages } from './groups.pages.js';

/** Working groups: charters, chairs, self-selection, announcements. */
export default defineModule({
  name: 'groups',
  api: [groupsApi],
  pages: [groupsPages],
  sections: [{ slot: 'process.sections', order: 10, render: processGroupsSection }],
  hooks: [{ hook: 'process.copy', run: async (trx, c) => ({ groups: await copyGroups(trx, c.actorId, c.fromProcessId, c.toProcessId) }) }],
  demo: groupsDemo,
});
