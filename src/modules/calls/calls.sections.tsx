import type { ProcessSectionInput } from '../processes/index.js';
import { listCalls } from './calls.service.js';
import { CallsSection } from './views/calls-section.js';
import { callsSectionModel } from './calls.page-presenter.js';

/** The process page's calls for input. */
export async function processCallsSection({ db, ctx, process }: ProcessSectionInput) {
  const calls = await listCalls(db, process.id);
  return (
    <>
      <h2>{ctx.t('calls.heading')}</h2>
      <CallsSection ctx={ctx} model={callsSectionModel({ process, calls }, ctx)} />
    </>
  );
}
