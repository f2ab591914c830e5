import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Form, Submit } from '../../../platform/web/components/forms.js';
import type { Back } from './manage.views.js';

/**
 * Asked before a save would empty a meeting's agenda or minutes: what would be lost, a button
 * that sends the same fields again with the confirmation (no JavaScript needed), and a link
 * back to the form, where the record is shown as it is still stored.
 */
export function ConfirmClearView(props: { ctx: PageCtx; title: string; back: Back; action: string; keepHref: string; losses: string[]; fields: Record<string, string> }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={props.title}>
      <Breadcrumb ctx={ctx} trail={[{ href: props.back.href, label: props.back.label }]} current={props.title} />
      <h1>{props.title}</h1>
      <ul>
        {props.losses.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <Form ctx={ctx} action={props.action}>
        {Object.entries(props.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} key={name} />
        ))}
        <input type="hidden" name="confirmClear" value="yes" />
        <Submit>{t('meetings.clear.confirm')}</Submit>
      </Form>
      <p>
        <a href={props.keepHref}>{t('meetings.clear.keep')}</a>
      </p>
    </Layout>
  );
}
