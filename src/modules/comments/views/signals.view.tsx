import type { PageCtx } from '../../../platform/web/context.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';
import type { SignalsModel } from '../comments.page-presenter.js';

/**
 * Flood signals (a period's, or one campaign's): tables with captions, and the sentence that
 * they never hide a comment. The moderation page and the campaign page both show it.
 */
export function SignalsSection({ ctx, s, note }: { ctx: PageCtx; s: SignalsModel; note?: string | null | undefined }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="signals-heading">
      <h2 id="signals-heading">{t('comments.signals.heading')}</h2>
      <p>{t('comments.signals.intro')}</p>
      {note && <p data-testid="signals-note">{note}</p>}
      {!s.any ? (
        <p>{t('comments.signals.none')}</p>
      ) : (
        <>
          <h3>{t('comments.signals.burstsHeading')}</h3>
          {s.bursts.length === 0 ? (
            <p>{s.noBursts}</p>
          ) : (
            <ScrollTable class="table" label={s.burstsCaption}>
              <caption>{s.burstsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('comments.signals.second')}</th>
                  <th scope="col">{t('comments.signals.comments')}</th>
                  <th scope="col">{t('comments.signals.share')}</th>
                </tr>
              </thead>
              <tbody>
                {s.bursts.map((b) => (
                  <tr key={b.second}>
                    <td>{b.second}</td>
                    <td>{b.count}</td>
                    <td>{b.share}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          <h3>{t('comments.signals.channelsHeading')}</h3>
          <ScrollTable class="table" label={t('comments.signals.channelsCaption')}>
            <caption>{t('comments.signals.channelsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('comments.signals.channel')}</th>
                <th scope="col">{t('comments.signals.comments')}</th>
                <th scope="col">{t('comments.signals.share')}</th>
              </tr>
            </thead>
            <tbody>
              {s.channels.map((c) => (
                <tr key={c.label}>
                  <td>{c.label}</td>
                  <td>{c.count}</td>
                  <td>{c.share}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <h3>{t('comments.signals.domainsHeading')}</h3>
          {s.domains.length === 0 ? (
            <p>{t('comments.signals.noDomains')}</p>
          ) : (
            <ScrollTable class="table" label={t('comments.signals.domainsCaption')}>
              <caption>{t('comments.signals.domainsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('comments.signals.domain')}</th>
                  <th scope="col">{t('comments.signals.comments')}</th>
                  <th scope="col">{t('comments.signals.senders')}</th>
                  <th scope="col">{t('comments.signals.disposable')}</th>
                </tr>
              </thead>
              <tbody>
                {s.domains.map((d) => (
                  <tr key={d.domain}>
                    <td>{d.domain}</td>
                    <td>{d.count}</td>
                    <td>{d.senders}</td>
                    <td>{d.disposable}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
          {s.disposableLine && <p>{s.disposableLine}</p>}
          <h3>{t('comments.signals.sendersHeading')}</h3>
          <p>{s.sendersLine}</p>
          {s.senders.length > 0 && (
            <ScrollTable class="table" label={t('comments.signals.sendersCaption')}>
              <caption>{t('comments.signals.sendersCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('comments.signals.sender')}</th>
                  <th scope="col">{t('comments.signals.names')}</th>
                  <th scope="col">{t('comments.signals.comments')}</th>
                </tr>
              </thead>
              <tbody>
                {s.senders.map((x) => (
                  <tr key={x.label}>
                    <td>{x.label}</td>
                    <td>{x.names}</td>
                    <td>{x.comments}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )}
        </>
      )}
    </section>
  );
}
