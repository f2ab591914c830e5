import { defineModule } from '../../platform/modules/define.js';
import { meetingsDemo } from './meetings.demo.js';
import { processMeetingsSection } from './meetings.sections.js';
import { meetingsApiPlugin, meetingsPagesPlugin } from './meetings.plugins.js';
import { meetingReminderJob } from './meetings.jobs.js';
import { reindexMeetings } from './meetings.search.js';
import * as m0025 from './migrations/0025_agenda_title_fr.js';

/** Open meetings: agendas, registration, reminders, recordings, minutes, attendance, iCalendar. */
export default defineModule({
  name: 'meetings',
  api: [meetingsApiPlugin],
  pages: [meetingsPagesPlugin],
  jobs: [meetingReminderJob],
  reindex: { meeting: reindexMeetings },
  sections: [{ slot: 'process.sections', order: 20, render: processMeetingsSection }],
  demo: meetingsDemo,
  migrations: { '0025_agenda_title_fr': m0025 },
});
