import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { can } from '../../../platform/auth/policies.js';
import type { Process } from '../../processes/index.js';
import { processCrumb } from '../../processes/index.js';
import type { DocumentRow } from '../../documents/index.js';
import { callPath, type CallDetail } from '../consensus.service.js';
import { DeadlineLine, questionOf } from './parts.js';

/** A process's consensus calls, newest first, and (for those who may) where to open one. */
export function CallsView(props: { ctx: PageCtx; process: Process; calls: CallDetail[]; next: string | null; documents: DocumentRow[]; now: Date }) {
  const { ctx, process } = props;
  const { t, lang } = ctx;
  const title = t('consensus.listTitle');
  const base = callPath(process.slug);
  const openable = props.documents.filter((d) => can(ctx.actor, 'consensus.open', { processId: process.id, groupId: d.group_id ?? undefined }));
  const onRecommendations = can(ctx.actor, 'consensus.open', { processId: process.id });
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[processCrumb(lang, process)]} current={title} />
      <h1>{title}</h1>
      <p>{t('consensus.listIntro')}</p>
      {props.calls.length === 0 ? (
        <p>{t('consensus.none')}</p>
      ) : (
        <ul class="cards">
          {props.calls.map(({ call }) => (
            <li class="card" key={call.id}>
              <h2>
                <a href={localPath(lang, callPath(process.slug, call.id))}>{questionOf(lang, call)}</a>
              </h2>
              <DeadlineLine ctx={ctx} call={call} now={props.now} />
            </li>
          ))}
        </ul>
      )}
      {props.next && (
        <p>
          <a href={`${localPath(lang, base)}?after=${props.next}`}>{t('consensus.older')}</a>
        </p>
      )}
      {(openable.length > 0 || onRecommendations) && (
        <>
          <h2>{t('consensus.openHeading')}</h2>
          <ul>
            {openable.map((doc) => (
              <li key={doc.id}>
                <a href={localPath(lang, `${base}/new?document=${encodeURIComponent(doc.slug)}`)}>{t('consensus.openOn', { title: doc.title })}</a>
              </li>
            ))}
            {onRecommendations && (
              <li>
                <a href={localPath(lang, `${base}/new?target=recommendation`)}>{t('consensus.openOnRecommendation')}</a>
              </li>
            )}
          </ul>
        </>
      )}
    </Layout>
  );
}
