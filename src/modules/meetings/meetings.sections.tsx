import type { ProcessSectionInput } from '../processes/index.js';
import { listMeetings } from './meetings.service.js';
import { ProcessMeetingsSection } from './views/meeting-list.view.js';
import { processMeetingsModel } from './meetings.page-presenter.js';

/** The process page's next three meetings (those the reader may see). */
export async function processMeetingsSection({ db, ctx, process }: ProcessSectionInput) {
  const meetings = await listMeetings(db, process.id, ctx.actor, { when: 'upcoming', limit: 3 });
  return (
    <>
      <h2>{ctx.t('meetings.title')}</h2>
      <ProcessMeetingsSection ctx={ctx} model={processMeetingsModel({ process, upcoming: meetings.items }, ctx)} />
    </>
  );
}
