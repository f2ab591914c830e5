import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import type { OutboxMessage } from '../mail.tables.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** The outbox list, newest first, with a link to the next page. */
export function OutboxView({ ctx, messages, next }: { ctx: PageCtx; messages: OutboxMessage[]; next: string | undefined }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('outbox.title')}>
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      {messages.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <ScrollTable label={t('outbox.caption')}>
          <caption>{t('outbox.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outbox.when')}</th>
              <th scope="col">{t('outbox.to')}</th>
              <th scope="col">{t('outbox.subject')}</th>
              <th scope="col">{t('outbox.status')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{formatDateTime(lang, m.created_at)}</td>
                <td>{m.to_address}</td>
                <td>
                  <a href={localPath(lang, `/admin/outbox/${m.id}`)}>{m.subject}</a>
                </td>
                <td>{m.sent_at ? t('outbox.sent') : t('outbox.notSent')}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {next && (
        <p>
          <a href={localPath(lang, `/admin/outbox?before=${next}`)}>{t('outbox.older')}</a>
        </p>
      )}
    </Layout>
  );
}

/** Text with its web addresses made into links; everything else stays text (escaped by Preact). */
function linkify(text: string) {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, i) => (i % 2 === 1 ? <a href={part}>{part}</a> : part));
}

/** One message as it was written, its links clickable so an admin can follow a confirmation link. */
export function OutboxMessageView({ ctx, message }: { ctx: PageCtx; message: OutboxMessage }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={message.subject}>
      <p>
        <a href={localPath(lang, '/admin/outbox')}>{t('outbox.back')}</a>
      </p>
      <h1>{message.subject}</h1>
      <dl>
        <dt>{t('outbox.to')}</dt>
        <dd>{message.to_address}</dd>
        <dt>{t('outbox.when')}</dt>
        <dd>{formatDateTime(lang, message.created_at)}</dd>
      </dl>
      <pre class="mail-body">{linkify(message.body_text)}</pre>
    </Layout>
  );
}
