import type { ProcessSectionInput } from '../processes/index.js';
import { balance } from './participants.service.js';
import { balanceSection } from './participants.page-presenter.js';
import { BalanceSection } from './views/balance-section.js';

/** The process page's balance of members by stakeholder group against the targets. */
export async function processBalanceSection({ db, ctx, process, detail }: ProcessSectionInput) {
  const bal = await balance(db, process.id, detail.stakeholderGroups);
  return (
    <>
      <h2>{ctx.t('processes.balance')}</h2>
      <BalanceSection ctx={ctx} model={balanceSection(bal.rows, ctx)} caption={ctx.t('participants.balanceCaption')} id="process-balance" />
    </>
  );
}
