import type { ComponentChildren } from 'preact';

/**
 * A table in a box that scrolls sideways when the table is wider than the screen, so the page
 * never does. Headers keep their words whole (app.css: a header never breaks inside a word,
 * data cells may), so on a phone a table of several columns is wider than the screen and
 * scrolls here. The box is a region named like the table (its caption's text) and takes the
 * keyboard focus, so that it can be scrolled without a mouse (axe: scrollable-region-focusable).
 * @example <ScrollTable label={caption}><caption>{caption}</caption>…</ScrollTable>
 */
export function ScrollTable(props: { label: string; class?: string | undefined; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={props.label} tabIndex={0}>
      <table class={props.class}>{props.children}</table>
    </div>
  );
}
