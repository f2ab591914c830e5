import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary } from '../../../platform/web/components/forms.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/**
 * The layout the conveners' list pages share (roles held, pending organisation requests): the
 * trail back to the process, the title and intro, the form errors, then a table of one row per
 * item with a form in its last cell, or a line saying there is none. One part, so the two
 * pages keep the same headings, caption and error placement.
 */
export function ConvenerTablePage(props: {
  ctx: PageCtx;
  title: string;
  process: { title: string; path: string };
  intro: string;
  errors: Record<string, string>;
  columns: string[];
  /** Shown instead of the table when set (nothing to list). */
  empty?: string | undefined;
  /** The table's rows. */
  children: ComponentChildren;
  /** What follows the table (the roles page's past revocations). */
  after?: ComponentChildren;
}) {
  const { ctx, title } = props;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: props.process.path, label: props.process.title }]} current={title} />
      <h1>{title}</h1>
      <p>{props.intro}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.empty ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <ScrollTable label={title}>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {props.columns.map((c) => (
                <th scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </ScrollTable>
      )}
      {props.after}
    </Layout>
  );
}
